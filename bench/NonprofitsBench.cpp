// herald-bench-nonprofits: figures for the nonprofits table at a million rows (run by scripts/bench-nonprofits.sh).
//   generate FILE ROWS            an IRS-shaped CSV (NonprofitFileGenerator)
//   migrate  DATABASE             the schema, nothing else
//   import   FILE DATABASE        Herald's import of FILE, timed
//   queries  DATABASE [--explain] time to the first keyset page, to a count and to filtered results
//   suppressions DATABASE [--rows N] fills the suppression list to N entries (1,000,000 by default), then times
//                                 what the Suppressions page asks: first page and count, plain and filtered
// DATABASE is --pg HOST:PORT/NAME (user postgres, no password) or --sqlite PATH.
// Figures are printed as "figure <name> <value>" lines for the script, between human-readable ones.
#include "BenchOutput.h"
#include "NonprofitFileGenerator.h"
#include "importexport/NonprofitImporter.h"
#include "storage/Database.h"
#include "storage/NonprofitRepository.h"
#include "storage/SqlDialect.h"
#include "storage/SuppressionRepository.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <cstdio>
#include <memory>

using namespace herald;

using bench::figure;
using bench::print;

namespace {

std::unique_ptr<Database> openDatabase(const QCommandLineParser& parser)
{
    ConnectionProfile profile;
    if (parser.isSet(QStringLiteral("sqlite"))) {
        profile = ConnectionProfile::embedded(parser.value(QStringLiteral("sqlite")));
    } else {
        static const QRegularExpression address(QStringLiteral("^([^:]+):(\\d+)/(\\w+)$"));
        const auto match = address.match(parser.value(QStringLiteral("pg")));
        if (!match.hasMatch()) {
            print(QStringLiteral("give --pg HOST:PORT/NAME or --sqlite PATH"));
            return nullptr;
        }
        profile = ConnectionProfile::postgres(QStringLiteral("bench"), match.captured(1), match.captured(2).toInt(),
            match.captured(3), QStringLiteral("postgres"));
        profile.sslMode = QStringLiteral("disable");
    }
    auto database = std::make_unique<Database>(profile);
    if (auto opened = database->open(); !opened) {
        print(opened.error().message);
        return nullptr;
    }
    return database;
}

// Milliseconds of the first run of `work` and the median of `runs` more (the first meets a cold cache).
template <typename Work> void timeQuery(const QString& name, int runs, Work work)
{
    QElapsedTimer timer;
    timer.start();
    const QString firstResult = work();
    const double first = double(timer.nsecsElapsed()) / 1e6;
    QList<double> times;
    for (int i = 0; i < runs; ++i) {
        timer.restart();
        work();
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    std::sort(times.begin(), times.end());
    const double median = times.isEmpty() ? first : times.at(times.size() / 2);
    print(QStringLiteral("  %1: first %2 ms, median %3 ms (%4)")
              .arg(name, -40)
              .arg(first, 0, 'f', 1)
              .arg(median, 0, 'f', 1)
              .arg(firstResult));
    figure(name + QStringLiteral(".median_ms"), median);
}

int generate(const QStringList& arguments)
{
    NonprofitFileGenerator generator;
    if (auto loaded = generator.load(QStringLiteral(HERALD_BENCH_IRS_DIR)); !loaded) {
        print(loaded.error().message);
        return 1;
    }
    QElapsedTimer timer;
    timer.start();
    if (auto written = generator.write(arguments.value(0), arguments.value(1).toLongLong()); !written) {
        print(written.error().message);
        return 1;
    }
    print(QStringLiteral("generated %1 rows in %2 s").arg(arguments.value(1)).arg(timer.elapsed() / 1000.0));
    return 0;
}

int import(Database& database, const QString& path, int batchSize)
{
    NonprofitImportOptions options;
    options.key = ImportKey::Ein;
    options.batchSize = batchSize;
    options.actor = QStringLiteral("bench");
    QElapsedTimer timer;
    timer.start();
    const ImportReport report = NonprofitImporter(database).run(path, options);
    const double seconds = timer.nsecsElapsed() / 1e9;
    print(QStringLiteral("Herald import: %1 s, %2 rows/s – %3")
              .arg(seconds, 0, 'f', 2)
              .arg(report.added / seconds, 0, 'f', 0)
              .arg(report.summary()));
    figure(QStringLiteral("import.seconds"), seconds);
    return report.completed() ? 0 : 1;
}

// auto_explain sends each plan to the client as a notice, which the driver prints on standard error.
void explainPlans(Database& database)
{
    QSqlQuery query(database.connection());
    for (const char* sql : { "LOAD 'auto_explain'", "SET auto_explain.log_min_duration = 0",
             "SET auto_explain.log_analyze = on", "SET auto_explain.log_buffers = on",
             "SET auto_explain.log_level = notice", "SET client_min_messages = notice" })
        query.exec(QString::fromLatin1(sql));
}

int queries(Database& database, int runs, bool explain)
{
    if (explain && database.backend() == Backend::Postgres)
        explainPlans(database);
    NonprofitRepository repository(database);
    const int pageSize = 256; // the table model's page
    const auto firstPage = [&](const NonprofitQuery& query) {
        const auto page = repository.page(query, {}, pageSize);
        return page ? QStringLiteral("%1 rows").arg(page->rows.size()) : page.error().message;
    };
    const auto count = [&](const NonprofitQuery& query) {
        const auto counted = repository.count(query);
        return counted ? QStringLiteral("%1 match").arg(counted.value()) : counted.error().message;
    };

    print(QStringLiteral("Time to first rows (first keyset page of %1, each sort order):").arg(pageSize));
    for (const auto& [name, column] : NonprofitQuery::sortColumnNames()) {
        for (const bool descending : { false, true }) {
            NonprofitQuery query;
            query.sortColumn = column;
            query.descending = descending;
            timeQuery(QStringLiteral("first_page.%1.%2")
                          .arg(name, descending ? QStringLiteral("desc") : QStringLiteral("asc")),
                runs, [&] { return firstPage(query); });
        }
    }
    NonprofitQuery byName;
    const auto first = repository.page(byName, {}, pageSize);
    if (first) {
        // Far into the table: the page after the 500,000th name, as a scrolled view asks for it.
        NonprofitCursor deep = first->next;
        const auto middle = repository.page(byName, first->next, 500000);
        if (middle && !middle->rows.isEmpty())
            deep = middle->next;
        timeQuery(QStringLiteral("next_page.name.deep"), runs, [&] {
            const auto page = repository.page(byName, deep, pageSize);
            return page ? QStringLiteral("%1 rows").arg(page->rows.size()) : page.error().message;
        });
    }
    timeQuery(QStringLiteral("count.all"), runs, [&] { return count(byName); });

    print(QStringLiteral("Time to a filtered result (search in name, email, EIN, city; sorted by name):"));
    const QStringList searches = { QStringLiteral("food"), QStringLiteral("fire company"), QStringLiteral("burlington"),
        QStringLiteral("030185"), QStringLiteral("01-05486"), QStringLiteral("habitat"), QStringLiteral("zzqxj") };
    for (const QString& text : searches) {
        NonprofitQuery query;
        query.searchText = text;
        const QString key = QString(text).replace(QLatin1Char(' '), QLatin1Char('_'));
        timeQuery(QStringLiteral("filter.%1.first_page").arg(key), runs, [&] { return firstPage(query); });
        // The page after it, as scrolling asks for it: the cursor carries what the first page found out.
        if (const auto first = repository.page(query, {}, pageSize); first && !first->atEnd) {
            timeQuery(QStringLiteral("filter.%1.next_page").arg(key), runs, [&] {
                const auto page = repository.page(query, first->next, pageSize);
                return page ? QStringLiteral("%1 rows").arg(page->rows.size()) : page.error().message;
            });
        }
        timeQuery(QStringLiteral("filter.%1.count").arg(key), runs, [&] { return count(query); });
    }
    return 0;
}

// Adds generated entries until the list holds `rows` (one set-based statement): four reasons in turn, one second
// apart, addresses spread over 5,000 partner domains.
bool fillSuppressions(Database& database, qint64 rows)
{
    SuppressionRepository repository(database);
    const auto held = repository.count();
    if (!held) {
        print(held.error().message);
        return false;
    }
    if (held.value() >= rows)
        return true;
    const bool postgres = SqlDialect(database.backend()).isPostgres();
    const QString sql = postgres
        ? QStringLiteral("INSERT INTO suppressions (email, reason, source, created_at) "
                         "SELECT 'member' || g || '@partner' || (g % 5000) || '.example.org', "
                         "(ARRAY['unsubscribed','hard_bounce','complaint','manual'])[1 + g % 4], 'bench', "
                         "now() - g * interval '1 second' FROM generate_series(1, CAST(:rows AS bigint)) g ON CONFLICT DO NOTHING")
        : QStringLiteral("WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < :rows) "
                         "INSERT INTO suppressions (email, reason, source, created_at) "
                         "SELECT 'member' || n || '@partner' || (n % 5000) || '.example.org', "
                         "CASE n % 4 WHEN 0 THEN 'unsubscribed' WHEN 1 THEN 'hard_bounce' WHEN 2 THEN 'complaint' "
                         "ELSE 'manual' END, 'bench', strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-' || n || ' seconds') "
                         "FROM g WHERE true ON CONFLICT DO NOTHING");
    QElapsedTimer timer;
    timer.start();
    QSqlQuery query(database.connection());
    query.prepare(sql);
    query.bindValue(QStringLiteral(":rows"), rows);
    if (!query.exec()) {
        print(QStringLiteral("could not fill the suppression list: %1").arg(query.lastError().text()));
        return false;
    }
    QSqlQuery(QStringLiteral("ANALYZE"), database.connection());
    print(QStringLiteral("filled the suppression list to %1 entries in %2 s").arg(rows).arg(timer.elapsed() / 1000.0));
    return true;
}

// What the Suppressions page asks when it opens and when the user searches or picks a reason: the first page
// (newest first) and the count beside the title.
int suppressions(Database& database, qint64 rows, int runs)
{
    if (!fillSuppressions(database, rows))
        return 1;
    SuppressionRepository repository(database);
    const int pageSize = 256; // PagedTableModel's default
    struct Case
    {
        const char* name;
        SuppressionFilter filter;
    };
    const Case cases[] = {
        { "all", {} },
        { "reason_hard_bounce", { QString(), SuppressionReason::HardBounce } },
        { "search_partner4711", { QStringLiteral("partner4711."), std::nullopt } },
        { "search_address", { QStringLiteral("member123456@partner3456.example.org"), std::nullopt } },
        { "search_none", { QStringLiteral("zzqxj"), std::nullopt } },
    };
    print(QStringLiteral("Suppressions page on %1 entries (first page of %2, newest first; count):").arg(rows).arg(pageSize));
    for (const Case& c : cases) {
        const QString name = QString::fromLatin1(c.name);
        timeQuery(QStringLiteral("suppressions.%1.first_page").arg(name), runs, [&] {
            const auto page = repository.page(c.filter, {}, pageSize);
            return page ? QStringLiteral("%1 rows").arg(page->rows.size()) : page.error().message;
        });
        timeQuery(QStringLiteral("suppressions.%1.count").arg(name), runs, [&] {
            const auto counted = repository.count(c.filter);
            return counted ? QStringLiteral("%1 match").arg(counted.value()) : counted.error().message;
        });
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Figures for the nonprofits table at scale."));
    parser.addHelpOption();
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QStringLiteral("generate FILE ROWS | migrate | import FILE | queries | suppressions"));
    parser.addOptions({ { QStringLiteral("pg"), QStringLiteral("PostgreSQL database (user postgres)."),
                            QStringLiteral("host:port/name") },
        { QStringLiteral("sqlite"), QStringLiteral("SQLite file."), QStringLiteral("path") },
        { QStringLiteral("batch-size"), QStringLiteral("Rows per import batch."), QStringLiteral("rows"),
            QStringLiteral("5000") },
        { QStringLiteral("runs"), QStringLiteral("Timed runs after the first."), QStringLiteral("n"),
            QStringLiteral("5") },
        { QStringLiteral("explain"), QStringLiteral("PostgreSQL: print each query's plan (auto_explain).") },
        { QStringLiteral("rows"), QStringLiteral("suppressions: entries to fill the list to."), QStringLiteral("n"),
            QStringLiteral("1000000") } });
    parser.process(app);
    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0);
    if (command == QLatin1String("generate"))
        return generate(positional.mid(1));
    auto database = openDatabase(parser);
    if (!database)
        return 1;
    if (command == QLatin1String("migrate"))
        return 0;
    if (command == QLatin1String("import"))
        return import(*database, positional.value(1), parser.value(QStringLiteral("batch-size")).toInt());
    if (command == QLatin1String("queries"))
        return queries(
            *database, parser.value(QStringLiteral("runs")).toInt(), parser.isSet(QStringLiteral("explain")));
    if (command == QLatin1String("suppressions"))
        return suppressions(
            *database, parser.value(QStringLiteral("rows")).toLongLong(), parser.value(QStringLiteral("runs")).toInt());
    parser.showHelp(2);
}
