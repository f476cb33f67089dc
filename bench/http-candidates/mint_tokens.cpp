// Prints COUNT click paths "/c/<token>" with valid signatures, one a line, for wrk to pick among.
#include "HotPath.h"

#include <random>

int main(int argc, char** argv)
{
    const int count = argc > 1 ? std::stoi(argv[1]) : 500;
    std::mt19937 random(42); // the same paths every run
    std::uniform_int_distribution<int> campaign(1, bench::Campaigns);
    std::uniform_int_distribution<int> link(1, bench::LinksPerCampaign);
    std::uniform_int_distribution<std::int64_t> send(1, 5'000'000);
    for (int i = 0; i < count; ++i)
        std::printf("/c/%s\n", bench::issueToken(campaign(random), link(random), send(random)).c_str());
    return 0;
}
