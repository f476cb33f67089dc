#pragma once

namespace herald {

// Opens the desktop application: the active connection profile, then the main window.
int runDesktop(int& argc, char** argv);

} // namespace herald
