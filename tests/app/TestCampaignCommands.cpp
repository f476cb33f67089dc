#include "HeraldCli.h"
#include "ParsedMessage.h"
#include "TestDatabase.h"
#include "compose/UnsubscribeToken.h"
#include "domain/Audience.h"
#include "storage/AppSettingsRepository.h"
#include "storage/CampaignRepository.h"
#include "storage/NonprofitRepository.h"
#include "storage/TemplateRepository.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace herald;

// `herald campaign list` and `herald campaign render`, run as the real executable on the database of a profile:
// the embedded one in the sqlite variant, a database on the cluster in the postgres one. The rendered message is
// read back by Python's email package (tests/support/parse_message.py), an independent MIME parser.
class TestCampaignCommands : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;

    test::HeraldCli m_cli;
    Database* m_database = nullptr;

    Run herald(QStringList arguments) { return m_cli.run(std::move(arguments)); }

    static QString partOfType(const QJsonObject& parsed, const QString& type)
    {
        for (const QJsonValue& part : parsed.value(QStringLiteral("parts")).toArray())
            if (part.toObject().value(QStringLiteral("content_type")).toString() == type)
                return part.toObject().value(QStringLiteral("content")).toString();
        return {};
    }

    // A template saved twice and a campaign that recorded its first version.
    struct Stored
    {
        Nonprofit nonprofit;
        Campaign campaign;
    };

    Stored storeCampaign(CampaignStatus status = CampaignStatus::Draft)
    {
        Stored stored;
        stored.campaign.status = status;
        stored.nonprofit.name = QStringLiteral("Café <Bonté> & Co");
        stored.nonprofit.email = QStringLiteral("hello@cafe.example.org");
        stored.nonprofit.city = QStringLiteral("Dover");
        const Status added = NonprofitRepository(*m_database).insert(stored.nonprofit);
        if (!added)
            qWarning("%s", qPrintable(added.error().message));

        Template appeal;
        appeal.name = QStringLiteral("Spring appeal");
        appeal.subject = QStringLiteral("Grüße an {{name}} – Frühling");
        appeal.htmlBody = QStringLiteral("<p>Dear {{name}} in {{city}},</p>\n<p><a href=\"{{unsubscribe_url}}\">"
                                         "Unsubscribe</a></p>\n<p>{{postal_address}}</p>");
        appeal.textBody = QStringLiteral("Dear {{name}},\nUnsubscribe: {{unsubscribe_url}}\n{{postal_address}}");
        TemplateRepository templates(*m_database);
        if (const Status done = templates.insert(appeal); !done)
            qWarning("%s", qPrintable(done.error().message));
        const int recorded = appeal.version;
        appeal.subject = QStringLiteral("Version two, which the campaign did not use");
        if (const Status done = templates.update(appeal); !done)
            qWarning("%s", qPrintable(done.error().message));

        stored.campaign.name = QStringLiteral("Gala 2026");
        stored.campaign.templateId = appeal.id;
        stored.campaign.templateVersion = recorded;
        stored.campaign.audience = Audience().toJson();
        stored.campaign.fromName = QStringLiteral("Dover Library");
        stored.campaign.fromEmail = QStringLiteral("news@library.example.org");
        stored.campaign.postalAddress = QStringLiteral("1 Main St, Dover, DE 19901");
        stored.campaign.unsubscribeBaseUrl = QStringLiteral("https://library.example.org/unsubscribe");
        if (const Status done = CampaignRepository(*m_database).insert(stored.campaign); !done)
            qWarning("%s", qPrintable(done.error().message));
        return stored;
    }

private slots:
    void init()
    {
        const QString problem = m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        m_database = &m_cli.database();
        QVERIFY(m_database);
    }

    void cleanup()
    {
        m_database = nullptr;
        m_cli.reset();
    }

    void listShowsEachCampaignWithItsCounts()
    {
        const Run empty = herald({QStringLiteral("campaign"), QStringLiteral("list")});
        QVERIFY2(empty.exitCode == 0, qPrintable(empty.err));
        QCOMPARE(empty.out.trimmed(), QStringLiteral("No campaigns yet."));

        const Stored stored = storeCampaign();
        const Run table = herald({QStringLiteral("campaign"), QStringLiteral("list")});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        const QStringList lines = table.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).contains(QRegularExpression(QStringLiteral("ID +Name +Status +Template +Audience +Sent +Failed"))),
                 qPrintable(table.out));
        QVERIFY2(lines.at(1).contains(QRegularExpression(
                     QStringLiteral("^ *%1 +Gala 2026 +draft +Spring appeal v1 +1 +0 +0$").arg(stored.campaign.id))),
                 qPrintable(table.out));

        const Run json = herald({QStringLiteral("campaign"), QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        const QJsonArray rows = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(rows.size(), 1);
        const QJsonObject row = rows.at(0).toObject();
        QCOMPARE(row.value(QStringLiteral("id")).toInteger(), stored.campaign.id);
        QCOMPARE(row.value(QStringLiteral("name")).toString(), QStringLiteral("Gala 2026"));
        QCOMPARE(row.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
        QCOMPARE(row.value(QStringLiteral("template")).toString(), QStringLiteral("Spring appeal"));
        QCOMPARE(row.value(QStringLiteral("template_version")).toInt(), 1);
        QCOMPARE(row.value(QStringLiteral("audience")).toInteger(), 1);
        QCOMPARE(row.value(QStringLiteral("sent")).toInteger(), 0);
        QCOMPARE(row.value(QStringLiteral("failed")).toInteger(), 0);
    }

    void renderOfADraftUsesTheCurrentTemplate()
    {
        // A draft is queued with the template as it is then, so that is what it previews.
        const Stored stored = storeCampaign();
        const Run run = herald({QStringLiteral("campaign"), QStringLiteral("render"),
                                QString::number(stored.campaign.id), QStringLiteral("--nonprofit"),
                                QString::number(stored.nonprofit.id)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QJsonObject headers = test::parseMessage(run.out.toUtf8()).value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.value(QStringLiteral("Subject")).toString(),
                 QStringLiteral("Version two, which the campaign did not use"));
    }

    void renderPrintsTheMessageOfTheRecordedTemplateVersion()
    {
        const Stored stored = storeCampaign(CampaignStatus::Scheduled);
        const Run run = herald({QStringLiteral("campaign"), QStringLiteral("render"),
                                QString::number(stored.campaign.id), QStringLiteral("--nonprofit"),
                                QString::number(stored.nonprofit.id)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const QByteArray raw = run.out.toUtf8();
        const QJsonObject parsed = test::parseMessage(raw);
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/alternative"));
        QVERIFY2(parsed.value(QStringLiteral("defects")).toArray().isEmpty(), raw.constData());
        QVERIFY2(!parsed.value(QStringLiteral("bare_lf")).toBool(), raw.constData());
        const QJsonObject headers = parsed.value(QStringLiteral("headers")).toObject();
        // Version 1's subject, non-ASCII, decoded back from RFC 2047; in a header the name is not HTML-escaped.
        QCOMPARE(headers.value(QStringLiteral("Subject")).toString(),
                 QStringLiteral("Grüße an Café <Bonté> & Co – Frühling"));
        QVERIFY2(!raw.contains("Grüße"), "the subject must be encoded, not raw UTF-8");
        QCOMPARE(headers.value(QStringLiteral("To")).toString(),
                 QStringLiteral("\"Café <Bonté> & Co\" <hello@cafe.example.org>"));
        QCOMPARE(headers.value(QStringLiteral("List-Unsubscribe-Post")).toString(),
                 QStringLiteral("List-Unsubscribe=One-Click"));
        const QString listUnsubscribe = headers.value(QStringLiteral("List-Unsubscribe")).toString();
        QVERIFY2(listUnsubscribe.startsWith(QLatin1String("<https://library.example.org/unsubscribe?t=")),
                 qPrintable(listUnsubscribe));

        // The link is signed with this installation's secret and names this campaign and address.
        const QUrl link(listUnsubscribe.mid(1, listUnsubscribe.size() - 2));
        const auto secret = AppSettingsRepository(*m_database).unsubscribeSecret();
        QVERIFY(secret.ok());
        const auto claims = UnsubscribeToken(secret.value()).verify(QUrlQuery(link).queryItemValue(QStringLiteral("t")));
        QVERIFY2(claims.ok(), qPrintable(claims.error().message));
        QCOMPARE(claims->campaignId, stored.campaign.id);
        QCOMPARE(claims->email, QStringLiteral("hello@cafe.example.org"));

        const QString text = partOfType(parsed, QStringLiteral("text/plain"));
        const QString html = partOfType(parsed, QStringLiteral("text/html"));
        QVERIFY2(text.startsWith(QStringLiteral("Dear Café <Bonté> & Co,")), qPrintable(text));
        QVERIFY2(text.contains(link.toString()), qPrintable(text));
        QVERIFY2(html.contains(QStringLiteral("<p>Dear Café &lt;Bonté&gt; &amp; Co in Dover,</p>")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("1 Main St, Dover, DE 19901")), qPrintable(html));

        // By email address too; a nonprofit or campaign that does not exist is an error that says so.
        const Run byEmail = herald({QStringLiteral("campaign"), QStringLiteral("render"),
                                    QString::number(stored.campaign.id), QStringLiteral("--nonprofit"),
                                    QStringLiteral("hello@cafe.example.org")});
        QVERIFY2(byEmail.exitCode == 0, qPrintable(byEmail.err));
        QVERIFY(byEmail.out.contains(QLatin1String("multipart/alternative")));
        const Run noCampaign = herald({QStringLiteral("campaign"), QStringLiteral("render"), QStringLiteral("9999"),
                                       QStringLiteral("--nonprofit"), QString::number(stored.nonprofit.id)});
        QCOMPARE(noCampaign.exitCode, 1);
        QVERIFY2(noCampaign.err.contains(QLatin1String("9999")), qPrintable(noCampaign.err));
        QCOMPARE(herald({QStringLiteral("campaign"), QStringLiteral("render"), QString::number(stored.campaign.id)})
                     .exitCode,
                 2);
    }

    // `campaign attach|attachments|detach`, and `render` carrying what is attached (issue 17).
    void attachListDetachAndRenderCarriesThem()
    {
        const Stored stored = storeCampaign();
        const QString id = QString::number(stored.campaign.id);
        QTemporaryDir dir;
        QByteArray report("%PDF-1.7\n");
        for (int i = 0; i < 1200 * 1024; ++i)
            report += char((i * 131) % 256);
        const QList<QPair<QString, QByteArray>> files{{QStringLiteral("annual report.pdf"), report},
                                                      {QStringLiteral("Memoria año 2026 – œuvre.pdf"), QByteArray("%PDF-1.4\n")}};
        QStringList paths;
        for (const auto& [name, bytes] : files) {
            QFile file(dir.filePath(name));
            QVERIFY(file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size());
            paths << file.fileName();
        }
        const Run attached = herald(QStringList{QStringLiteral("campaign"), QStringLiteral("attach"), id} + paths);
        QVERIFY2(attached.exitCode == 0, qPrintable(attached.err));
        QVERIFY2(attached.out.contains(QLatin1String("Attached 'annual report.pdf'"))
                     && attached.out.contains(QStringLiteral("Attached 'Memoria año 2026 – œuvre.pdf'")),
                 qPrintable(attached.out));
        QVERIFY2(attached.err.contains(QLatin1String("spam")), qPrintable(attached.err)); // above 1 MB: the warning

        const Run listed = herald({QStringLiteral("campaign"), QStringLiteral("attachments"), id, QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonObject list = QJsonDocument::fromJson(listed.out.toUtf8()).object();
        const QJsonArray rows = list.value(QStringLiteral("attachments")).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(1)[QStringLiteral("file_name")].toString(), files.at(1).first);
        QCOMPARE(rows.at(0)[QStringLiteral("sha256")].toString(),
                 QString::fromLatin1(QCryptographicHash::hash(report, QCryptographicHash::Sha256).toHex()));
        QVERIFY(list.value(QStringLiteral("warning")).isString());

        const Run rendered = herald({QStringLiteral("campaign"), QStringLiteral("render"), id, QStringLiteral("--nonprofit"),
                                     QString::number(stored.nonprofit.id)});
        QVERIFY2(rendered.exitCode == 0, qPrintable(rendered.err));
        const QJsonObject parsed = test::parseMessage(rendered.out.toUtf8());
        QCOMPARE(parsed.value(QStringLiteral("content_type")).toString(), QStringLiteral("multipart/mixed"));
        QVERIFY(parsed.value(QStringLiteral("defects")).toArray().isEmpty());
        const QJsonArray parts = parsed.value(QStringLiteral("parts")).toArray();
        QCOMPARE(parts.size(), 4);
        QCOMPARE(parts.at(1)[QStringLiteral("content_type")].toString(), QStringLiteral("text/html"));
        QCOMPARE(parts.at(2)[QStringLiteral("sha256")].toString(), rows.at(0)[QStringLiteral("sha256")].toString());
        QCOMPARE(parts.at(3)[QStringLiteral("filename")].toString(), files.at(1).first);

        // Over 10 MB in all: refused, naming the file.
        QFile huge(dir.filePath(QStringLiteral("video.mp4")));
        QVERIFY(huge.open(QIODevice::WriteOnly) && huge.write(QByteArray(9 * 1024 * 1024, 'v')) > 0);
        huge.close();
        const Run tooMuch = herald({QStringLiteral("campaign"), QStringLiteral("attach"), id, huge.fileName()});
        QCOMPARE(tooMuch.exitCode, 1);
        QVERIFY2(tooMuch.err.contains(QLatin1String("'video.mp4'")), qPrintable(tooMuch.err));

        const Run detached = herald({QStringLiteral("campaign"), QStringLiteral("detach"), id, QStringLiteral("annual report.pdf")});
        QVERIFY2(detached.exitCode == 0, qPrintable(detached.err));
        const Run text = herald({QStringLiteral("campaign"), QStringLiteral("attachments"), id});
        QVERIFY2(text.exitCode == 0, qPrintable(text.err));
        QVERIFY2(!text.out.contains(QLatin1String("annual report.pdf")) && text.out.contains(files.at(1).first), qPrintable(text.out));
        QVERIFY2(!text.err.contains(QLatin1String("spam")), qPrintable(text.err)); // under 1 MB now: no warning
        QCOMPARE(herald({QStringLiteral("campaign"), QStringLiteral("detach"), id, QStringLiteral("annual report.pdf")}).exitCode, 1);
        QCOMPARE(herald({QStringLiteral("campaign"), QStringLiteral("attach"), id}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCampaignCommands)
#include "TestCampaignCommands.moc"
