#include "RoleLogins.h"
#include "TestDatabase.h"
#include "storage/AuditLogRepository.h"
#include "storage/Migrator.h"
#include "team/TeamRepository.h"

#include <QTest>
#include <QUuid>

#include <memory>

using namespace herald;

// Managing the team (schema 25): an admin adds, changes and removes people through Herald; the functions refuse the
// owner, superusers, roles outside the team and callers who are not admins (tried with psql, bypassing Herald); last
// seen follows connections; each change is in the audit log with the admin's login as actor. PostgreSQL only.
class TestTeamRepository : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;
    QString m_tag = QUuid::createUuid().toString(QUuid::Id128).left(8);
    QStringList m_made; // logins this test made itself, dropped at the end

    QString person(const QString& name)
    {
        const QString login = QStringLiteral("p%1_%2").arg(m_tag, name);
        if (!m_made.contains(login))
            m_made << login;
        return login;
    }
    TeamRepository asAdmin() { return TeamRepository(m_roles->as(QStringLiteral("admin"))); }
    std::optional<TeamMember> member(const QString& login)
    {
        const auto team = asAdmin().list();
        if (!team)
            qWarning("%s", qPrintable(team.error().message));
        for (const TeamMember& row : team.value())
            if (row.login == login)
                return row;
        return std::nullopt;
    }
    ConnectionProfile profileOf(const QString& login) const
    {
        ConnectionProfile profile = m_scratch->profile();
        profile.user = login;
        return profile;
    }
    bool inGroup(const QString& login, const QString& group)
    {
        return m_roles->ownerValue(QStringLiteral("SELECT pg_has_role('%1', 'herald_%2', 'MEMBER')").arg(login, group))
               == QLatin1String("t");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(test::TestDatabase::backendUnderTest() == Backend::Postgres, "TestTeamRepository runs on PostgreSQL only");
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        QCOMPARE(m_owner->schemaVersion(), Migrator::latestVersion(Backend::Postgres));
        m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
        const QString created = m_roles->create();
        QVERIFY2(created.isEmpty(), qPrintable(created));
    }

    void cleanupTestCase()
    {
        for (const QString& login : std::as_const(m_made)) {
            m_roles->psql({}, QStringLiteral("REASSIGN OWNED BY \"%1\" TO postgres; DROP OWNED BY \"%1\"").arg(login));
            m_roles->psql({}, QStringLiteral("DROP ROLE IF EXISTS \"%1\"").arg(login), QStringLiteral("postgres"));
        }
        m_roles.reset();
        m_owner.reset();
        m_scratch.reset();
    }

    void listsTheTeamWithRoles()
    {
        const auto team = asAdmin().list();
        QVERIFY2(team.ok(), qPrintable(team.error().message));
        for (const char* role : {"viewer", "editor", "sender", "admin", "worker"}) {
            const auto row = member(m_roles->login(QLatin1String(role)));
            QVERIFY2(row.has_value(), role);
            QCOMPARE(row->role, QLatin1String(role));
            QVERIFY(row->canLogin);
        }
        QVERIFY(!member(QStringLiteral("postgres")).has_value());
        QVERIFY(!member(QStringLiteral("herald_admin")).has_value());
    }

    void adminAddsWithGeneratedPassword()
    {
        const QString login = person(QStringLiteral("gen"));
        const auto added = asAdmin().add(login, QStringLiteral("editor"), TeamRepository::Password::Generate);
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        QVERIFY(added.value().size() >= 24);
        QVERIFY(inGroup(login, QStringLiteral("editor")));
        QVERIFY(!inGroup(login, QStringLiteral("sender")));
        // The shown password opens Herald as the new person; PostgreSQL keeps a SCRAM hash, not the password.
        Database asNew(profileOf(login), added.value());
        const Status opened = asNew.open();
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        QVERIFY(m_roles->ownerValue(QStringLiteral("SELECT rolpassword FROM pg_authid WHERE rolname = '%1'").arg(login))
                    .startsWith(QLatin1String("SCRAM-SHA-256$")));
        Database wrong(profileOf(login), QStringLiteral("not-the-password"));
        QVERIFY(!wrong.open().ok());
    }

    void newPersonHasTheRoleRights()
    {
        // A given password (RoleLogins' own, so its psql can log in as the new person).
        const QString login = person(QStringLiteral("ed"));
        const auto added = asAdmin().add(login, QStringLiteral("editor"), TeamRepository::Password::Given,
                                         m_roles->password());
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        QVERIFY(added.value().isEmpty()); // nothing to show: the admin typed it
        const QString insertNonprofit = m_roles->whyNotAllowed(login, QStringLiteral(
            "INSERT INTO nonprofits (name, email) VALUES ('Editor added', 'ed@example.org')"));
        QVERIFY2(insertNonprofit.isEmpty(), qPrintable(insertNonprofit));
        const QString readSecrets = m_roles->whyNotRefused(login, QStringLiteral("SELECT secret_ref FROM providers"));
        QVERIFY2(readSecrets.isEmpty(), qPrintable(readSecrets));
        const QString addSomeone = m_roles->whyNotRefused(login, QStringLiteral("SELECT herald_team_add('p%1_x', 'admin', NULL)").arg(m_tag));
        QVERIFY2(addSomeone.isEmpty(), qPrintable(addSomeone));
    }

    void aServeLoginIsATeamMember()
    {
        // The machine that runs herald serve (schema 26): added, listed and seen like a person, with serve's rights only.
        const QString login = person(QStringLiteral("web"));
        QVERIFY(asAdmin().add(login, QStringLiteral("serve"), TeamRepository::Password::Given, m_roles->password()).ok());
        QVERIFY(inGroup(login, QStringLiteral("serve")));
        const auto row = member(login);
        QVERIFY(row.has_value());
        QCOMPARE(row->role, QStringLiteral("serve"));
        const QString readEvents = m_roles->whyNotAllowed(login, QStringLiteral("SELECT count(*) FROM engagement_events"));
        QVERIFY2(readEvents.isEmpty(), qPrintable(readEvents));
        const QString renameNonprofit = m_roles->whyNotRefused(login, QStringLiteral("UPDATE nonprofits SET name = 'x'"));
        QVERIFY2(renameNonprofit.isEmpty(), qPrintable(renameNonprofit));
        QVERIFY(asAdmin().remove(login).ok());
    }

    void adminChangesRoleAndRemoves()
    {
        const QString login = person(QStringLiteral("move"));
        QVERIFY(asAdmin().add(login, QStringLiteral("viewer"), TeamRepository::Password::None).ok());
        QVERIFY(member(login).has_value());
        QCOMPARE(member(login)->role, QStringLiteral("viewer"));
        QVERIFY(m_roles->ownerValue(QStringLiteral("SELECT rolpassword IS NULL FROM pg_authid WHERE rolname = '%1'")
                                        .arg(login)) == QLatin1String("t"));

        const Status changed = asAdmin().setRole(login, QStringLiteral("sender"));
        QVERIFY2(changed.ok(), qPrintable(changed.error().message));
        QCOMPARE(member(login)->role, QStringLiteral("sender"));
        QCOMPARE(m_roles->ownerValue(QStringLiteral(
                     "SELECT count(*) FROM pg_auth_members m WHERE m.member = to_regrole('%1')").arg(login)),
                 QStringLiteral("1")); // out of viewer, into sender only

        // Something of theirs in this database: it goes to the owner instead of stopping the removal.
        QVERIFY(m_roles->psql({}, QStringLiteral("CREATE TABLE p%1_owned (x int); ALTER TABLE p%1_owned OWNER TO \"%2\"")
                                      .arg(m_tag, login))
                    .exitCode == 0);
        const Status removed = asAdmin().remove(login);
        QVERIFY2(removed.ok(), qPrintable(removed.error().message));
        QVERIFY(!member(login).has_value());
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = '%1'").arg(login)),
                 QStringLiteral("0"));

        // Each change in the audit log, by the admin's login.
        const auto lines = AuditLogRepository(*m_owner).listFor(QStringLiteral("login"), login);
        QVERIFY(lines.ok());
        QCOMPARE(lines->size(), 3);
        QCOMPARE(lines->at(0).action, QStringLiteral("team remove"));
        QCOMPARE(lines->at(0).detail, QStringLiteral("sender → none (login removed)"));
        QCOMPARE(lines->at(1).action, QStringLiteral("team role"));
        QCOMPARE(lines->at(1).detail, QStringLiteral("viewer → sender"));
        QCOMPARE(lines->at(2).action, QStringLiteral("team add"));
        QVERIFY(lines->at(2).detail.startsWith(QStringLiteral("none → viewer")));
        for (const AuditEntry& line : lines.value())
            QCOMPARE(line.actor, m_roles->login(QStringLiteral("admin")));
    }

    void removalSaysWhatOtherDatabasesHold()
    {
        // Roles are cluster-wide: a table of theirs in another database stops DROP ROLE; the message names it.
        const QString login = person(QStringLiteral("elsewhere"));
        QVERIFY(asAdmin().add(login, QStringLiteral("editor"), TeamRepository::Password::None).ok());
        const QString other = QStringLiteral("p%1_other").arg(m_tag);
        QVERIFY(m_roles->psql({}, QStringLiteral("CREATE DATABASE %1").arg(other), QStringLiteral("postgres")).exitCode == 0);
        QVERIFY(m_roles->psql({}, QStringLiteral("CREATE TABLE kept (x int); ALTER TABLE kept OWNER TO \"%1\"").arg(login),
                              other).exitCode == 0);
        const Status removed = asAdmin().remove(login);
        QVERIFY(!removed.ok());
        QVERIFY2(removed.error().message.contains(QLatin1String("other databases"))
                     && removed.error().message.contains(other),
                 qPrintable(removed.error().message));
        QVERIFY(member(login).has_value()); // nothing removed
        QVERIFY(m_roles->psql({}, QStringLiteral("DROP DATABASE %1").arg(other), QStringLiteral("postgres")).exitCode == 0);
        QVERIFY(asAdmin().remove(login).ok());
    }

    void refusesWhatIsNotAPlainTeamMember_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("why");
        QTest::newRow("superuser owner") << QStringLiteral("postgres") << QStringLiteral("superuser");
        QTest::newRow("group role") << QStringLiteral("herald_admin") << QStringLiteral("not a member of Herald");
        QTest::newRow("outside the team") << QStringLiteral("outsider") << QStringLiteral("not a member of Herald");
        QTest::newRow("creates roles") << QStringLiteral("creator") << QStringLiteral("may create roles");
        QTest::newRow("no such login") << QStringLiteral("nobody") << QStringLiteral("no login");
    }

    void refusesWhatIsNotAPlainTeamMember()
    {
        QFETCH(QString, target);
        QFETCH(QString, why);
        if (target == QLatin1String("outsider") || target == QLatin1String("creator") || target == QLatin1String("nobody")) {
            target = person(target);
            if (!target.endsWith(QLatin1String("nobody"))) {
                const QString extra = target.endsWith(QLatin1String("creator"))
                                          ? QStringLiteral(" CREATEROLE IN ROLE herald_editor") : QString();
                QVERIFY(m_roles->psql({}, QStringLiteral("CREATE ROLE \"%1\" LOGIN%2").arg(target, extra)).exitCode == 0);
            }
        }
        const Status changed = asAdmin().setRole(target, QStringLiteral("viewer"));
        QVERIFY(!changed.ok());
        QVERIFY2(changed.error().message.contains(why), qPrintable(changed.error().message));
        QVERIFY(changed.error().kind != Error::Kind::Permission); // the reason, not "your role may not"
        const Status removed = asAdmin().remove(target);
        QVERIFY(!removed.ok());
        QVERIFY2(removed.error().message.contains(why), qPrintable(removed.error().message));
        // Nothing changed: not put into herald_viewer.
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT count(*) FROM pg_auth_members m JOIN pg_roles g "
                                                    "ON g.oid = m.roleid WHERE m.member = to_regrole('%1') "
                                                    "AND g.rolname = 'herald_viewer'").arg(target)),
                 QStringLiteral("0"));
    }

    void refusesBadNamesRolesAndOneself()
    {
        QVERIFY(!asAdmin().add(QStringLiteral("Robert'); DROP ROLE x; --"), QStringLiteral("editor"),
                               TeamRepository::Password::Generate).ok());
        QVERIFY(!asAdmin().add(QStringLiteral("pg_mine"), QStringLiteral("editor"), TeamRepository::Password::None).ok());
        const auto badRole = asAdmin().add(person(QStringLiteral("r")), QStringLiteral("superuser"),
                                           TeamRepository::Password::None);
        QVERIFY(!badRole.ok());
        QVERIFY2(badRole.error().message.contains(QLatin1String("viewer, editor, sender, admin, worker and serve")),
                 qPrintable(badRole.error().message));
        const Status self = asAdmin().setRole(m_roles->login(QStringLiteral("admin")), QStringLiteral("viewer"));
        QVERIFY(!self.ok());
        QVERIFY2(self.error().message.contains(QLatin1String("your own login")), qPrintable(self.error().message));
        const auto dup = asAdmin().add(m_roles->login(QStringLiteral("viewer")), QStringLiteral("admin"),
                                       TeamRepository::Password::None);
        QVERIFY(!dup.ok());
        QVERIFY(!inGroup(m_roles->login(QStringLiteral("viewer")), QStringLiteral("admin")));
    }

    void nonAdminsAreRefusedByTheServer()
    {
        // Through Herald: the Permission sentence; with psql: the server's refusal.
        const auto throughHerald = TeamRepository(m_roles->as(QStringLiteral("sender")))
                                       .add(person(QStringLiteral("s")), QStringLiteral("admin"),
                                            TeamRepository::Password::None);
        QVERIFY(!throughHerald.ok());
        QCOMPARE(throughHerald.error().kind, Error::Kind::Permission);
        for (const char* role : {"viewer", "editor", "sender", "worker"}) {
            for (const QString& sql : {QStringLiteral("SELECT herald_team_add('p%1_s', 'admin', NULL)").arg(m_tag),
                                       QStringLiteral("SELECT herald_team_set_role('%1', 'admin')").arg(m_roles->login(QLatin1String(role))),
                                       QStringLiteral("SELECT herald_team_remove('%1')").arg(m_roles->login(QStringLiteral("viewer"))),
                                       QStringLiteral("INSERT INTO team_last_seen VALUES ('someone', now())")}) {
                const QString problem = m_roles->whyNotRefused(m_roles->login(QLatin1String(role)), sql);
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        QVERIFY(inGroup(m_roles->login(QStringLiteral("viewer")), QStringLiteral("viewer")));
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT count(*) FROM pg_roles WHERE rolname = 'p%1_s'").arg(m_tag)),
                 QStringLiteral("0"));
    }

    void lastSeenFollowsConnections()
    {
        const QString login = person(QStringLiteral("seen"));
        QVERIFY(asAdmin().add(login, QStringLiteral("viewer"), TeamRepository::Password::Given, m_roles->password()).ok());
        QVERIFY(!member(login)->lastSeen.isValid());
        {
            Database first(profileOf(login), m_roles->password());
            QVERIFY(first.open().ok());
        }
        const QDateTime firstSeen = member(login)->lastSeen;
        QVERIFY(firstSeen.isValid());
        QVERIFY(qAbs(firstSeen.secsTo(QDateTime::currentDateTimeUtc())) < 600);
        {
            Database second(profileOf(login), m_roles->password());
            QVERIFY(second.open().ok());
        }
        QVERIFY(member(login)->lastSeen > firstSeen);
        // Only one's own line: the function takes no name, and the table is not theirs to write.
        QCOMPARE(m_roles->ownerValue(QStringLiteral("SELECT count(*) FROM team_last_seen WHERE login = '%1'").arg(login)),
                 QStringLiteral("1"));
    }
};

QTEST_GUILESS_MAIN(TestTeamRepository)
#include "TestTeamRepository.moc"
