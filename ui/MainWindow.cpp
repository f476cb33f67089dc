#include "MainWindow.h"

namespace herald {
MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent) {}
} // namespace herald
