// Herald's entry point: the desktop window, or a headless sub-command when one is given.
#include "DesktopMain.h"
#include "cli/CommandLine.h"

int main(int argc, char** argv)
{
    if (herald::cli::CommandLine::isHeadless(argc, argv))
        return herald::cli::CommandLine::run(argc, argv);
    return herald::runDesktop(argc, argv);
}
