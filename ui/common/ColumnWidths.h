#pragma once

#include <QHeaderView>

#include <algorithm>

namespace herald {

// A column's starting width, widened to what its header text needs: translations often run longer than English.
inline void setColumnWidthFittingHeader(QHeaderView* header, int column, int width)
{
    header->resizeSection(column, std::max(width, header->sectionSizeHint(column)));
}

} // namespace herald
