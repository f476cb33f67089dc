#pragma once

class QTableView;

namespace herald {

// The look every list page's table shares: whole rows selected (several at once), read-only, alternating rows,
// no row numbers, compact rows, the last column stretched.
void setUpListTable(QTableView* view);

} // namespace herald
