// The click path without any HTTP: CPU time per request of ClickHandler::handle on one thread over the paths in
// PATHS_FILE, so the servers' "CPU us/req" can be split into the library's part and ours.
#include "HotPath.h"

#include <ctime>
#include <fstream>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s PATHS_FILE\n", argv[0]);
        return 2;
    }
    std::vector<std::string> paths;
    std::ifstream file(argv[1]);
    for (std::string line; std::getline(file, line);)
        paths.push_back(line);
    bench::ClickHandler clicks(std::string(argv[1]) + ".events"); // beside the paths: never a device
    const std::string_view userAgent = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) Mobile/15E148";
    constexpr int Rounds = 500;
    timespec start{}, end{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
    std::size_t found = 0;
    for (int round = 0; round < Rounds; ++round)
        for (const std::string& path : paths)
            found += clicks.handle("GET", path, userAgent) != nullptr;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
    const double seconds = double(end.tv_sec - start.tv_sec) + double(end.tv_nsec - start.tv_nsec) / 1e9;
    std::printf("%.2f\n", seconds * 1e6 / double(Rounds * paths.size()));
    return found == Rounds * paths.size() ? 0 : 1;
}
