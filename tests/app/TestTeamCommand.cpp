#include "HeraldCli.h"
#include "RoleLogins.h"
#include "storage/AuditLogRepository.h"
#include "team/TeamRepository.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace herald;

// `herald team list|add|set-role|remove` run as the real executable: on PostgreSQL as an admin's login (a profile
// of its own, the password in PGPASSWORD), the password given on standard input or generated and printed once, the
// new person logging in with it; on SQLite the one-person sentence.
class TestTeamCommand : public QObject
{
    Q_OBJECT

    using Run = test::HeraldProcess::Run;
    test::HeraldCli m_cli;
    std::unique_ptr<test::RoleLogins> m_roles;
    QString m_tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QStringList m_made;

    bool onPostgres() const { return test::TestDatabase::backendUnderTest() == Backend::Postgres; }
    QString person(const QString& name)
    {
        const QString login = QStringLiteral("c%1_%2").arg(m_tag, name);
        m_made << login;
        return login;
    }
    // `herald team ARGUMENTS` as the admin's login (PostgreSQL) or on the embedded database.
    Run team(QStringList arguments, const QByteArray& input = {})
    {
        arguments.prepend(QStringLiteral("team"));
        arguments << (onPostgres() ? QStringList{QStringLiteral("--profile"), QStringLiteral("Admin")} : QStringList());
        QProcess process;
        QProcessEnvironment env = m_cli.process().environment();
        if (onPostgres())
            env.insert(QStringLiteral("PGPASSWORD"), m_roles->password());
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(HERALD_EXECUTABLE), arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }
    // A profile of the test database that logs in as `login` (the password comes from PGPASSWORD).
    Run addProfile(const QString& name, const QString& login)
    {
        const ConnectionProfile server = m_cli.database().profile();
        return m_cli.process().run({QStringLiteral("profile"), QStringLiteral("add"), name, QStringLiteral("--host"),
                                    server.host, QStringLiteral("--port"), QString::number(server.port),
                                    QStringLiteral("--database"), server.database, QStringLiteral("--user"), login,
                                    QStringLiteral("--sslmode"), QStringLiteral("disable")});
    }
    bool canLogIn(const QString& login, const QString& password)
    {
        ConnectionProfile profile = m_cli.database().profile();
        profile.user = login;
        Database database(profile, password);
        return database.open().ok();
    }
    QString roleOf(const QString& login)
    {
        const Run listed = team({QStringLiteral("list"), QStringLiteral("--json")});
        for (const QJsonValue& row : QJsonDocument::fromJson(listed.out.toUtf8()).array())
            if (row[QStringLiteral("login")].toString() == login)
                return row[QStringLiteral("role")].toString();
        return {};
    }

private slots:
    void init()
    {
        const QString problem = m_cli.setUp(QStringLiteral(HERALD_EXECUTABLE));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (!onPostgres())
            return;
        m_roles = std::make_unique<test::RoleLogins>(m_cli.database().profile());
        const QString created = m_roles->create();
        QVERIFY2(created.isEmpty(), qPrintable(created));
        const Run added = addProfile(QStringLiteral("Admin"), m_roles->login(QStringLiteral("admin")));
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    }

    void cleanup()
    {
        if (m_roles) {
            for (const QString& login : std::as_const(m_made))
                m_roles->psql({}, QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login), QStringLiteral("postgres"));
        }
        m_made.clear();
        m_roles.reset();
        m_cli.reset();
    }

    void addWithPasswordFromStandardInput()
    {
        if (!onPostgres())
            QSKIP("a team needs PostgreSQL (sqliteIsOnePerson covers SQLite)");
        const QString login = person(QStringLiteral("stdin"));
        const QByteArray password = "correct-horse-battery-staple";
        const Run added = team({QStringLiteral("add"), login, QStringLiteral("--role"), QStringLiteral("sender"),
                                QStringLiteral("--password-stdin")},
                               password + "\n");
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        QVERIFY(!added.out.contains(QLatin1String(password))); // nothing generated, nothing printed
        QVERIFY(canLogIn(login, QString::fromLatin1(password)));
        QCOMPARE(roleOf(login), QStringLiteral("sender"));

        const Run changed = team({QStringLiteral("set-role"), login, QStringLiteral("viewer")});
        QVERIFY2(changed.exitCode == 0, qPrintable(changed.err));
        QCOMPARE(roleOf(login), QStringLiteral("viewer"));
        const Run removed = team({QStringLiteral("remove"), login});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        QCOMPARE(roleOf(login), QString());
        const auto lines = AuditLogRepository(m_cli.database()).listFor(QStringLiteral("login"), login);
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 3);
        for (const AuditEntry& line : lines.value())
            QCOMPARE(line.actor, m_roles->login(QStringLiteral("admin")));
    }

    void addPrintsGeneratedPasswordOnce()
    {
        if (!onPostgres())
            QSKIP("a team needs PostgreSQL (sqliteIsOnePerson covers SQLite)");
        const QString login = person(QStringLiteral("gen"));
        const Run added = team({QStringLiteral("add"), login, QStringLiteral("--role"), QStringLiteral("editor")});
        QVERIFY2(added.exitCode == 0, qPrintable(added.err));
        const QString password = added.out.trimmed(); // standard output holds the password alone
        QCOMPARE(password.size(), 27);
        QVERIFY2(added.err.contains(QLatin1String("shown this once")), qPrintable(added.err));
        QVERIFY(canLogIn(login, password));
        QVERIFY(!canLogIn(login, password + QLatin1Char('x')));

        const Run listed = team({QStringLiteral("list")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        QVERIFY(listed.out.contains(login));
        QVERIFY(!listed.out.contains(password)); // never again
        const Run json = team({QStringLiteral("list"), QStringLiteral("--json")});
        QVERIFY(!json.out.contains(password));
    }

    void refusalsAndUsage()
    {
        if (!onPostgres())
            QSKIP("a team needs PostgreSQL (sqliteIsOnePerson covers SQLite)");
        const Run owner = team({QStringLiteral("remove"), QStringLiteral("postgres")});
        QCOMPARE(owner.exitCode, 1);
        QVERIFY2(owner.err.contains(QLatin1String("superuser")), qPrintable(owner.err));
        const Run badRole = team({QStringLiteral("add"), person(QStringLiteral("x")), QStringLiteral("--role"),
                                  QStringLiteral("boss"), QStringLiteral("--no-password")});
        QCOMPARE(badRole.exitCode, 1);
        QVERIFY2(badRole.err.contains(QLatin1String("viewer, editor, sender, admin, worker and serve")), qPrintable(badRole.err));
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("someone")}).exitCode, 2);
        QCOMPARE(team({QStringLiteral("add"), QStringLiteral("someone"), QStringLiteral("--role"),
                       QStringLiteral("viewer"), QStringLiteral("--no-password"), QStringLiteral("--password-stdin")})
                     .exitCode,
                 2);
        QCOMPARE(team({QStringLiteral("set-role"), QStringLiteral("someone")}).exitCode, 2);

        // A sender's own Herald: refused by the server, said as a sentence (no SQL).
        QCOMPARE(addProfile(QStringLiteral("Sender"), m_roles->login(QStringLiteral("sender"))).exitCode, 0);
        const Run asSender = m_cli.process().run({QStringLiteral("team"), QStringLiteral("add"), person(QStringLiteral("y")),
                                                  QStringLiteral("--role"), QStringLiteral("admin"),
                                                  QStringLiteral("--profile"), QStringLiteral("Sender")},
                                                 m_roles->password());
        QCOMPARE(asSender.exitCode, 1);
        QVERIFY2(asSender.err.contains(QLatin1String("does not allow this to your role")), qPrintable(asSender.err));
        QVERIFY2(!asSender.err.contains(QLatin1String("SELECT")), qPrintable(asSender.err));
    }

    void sqliteIsOnePerson()
    {
        if (onPostgres())
            QSKIP("the embedded database only (the other cases cover PostgreSQL)");
        const Run listed = team({QStringLiteral("list")});
        QCOMPARE(listed.exitCode, 0);
        QVERIFY2(listed.out.contains(TeamRepository::onePersonSentence()), qPrintable(listed.out));
        const Run added = team({QStringLiteral("add"), QStringLiteral("bob"), QStringLiteral("--role"),
                                QStringLiteral("editor")});
        QCOMPARE(added.exitCode, 1);
        QVERIFY2(added.err.contains(QLatin1String("one person")), qPrintable(added.err));
    }
};

QTEST_GUILESS_MAIN(TestTeamCommand)
#include "TestTeamCommand.moc"
