#include "RoleLogins.h"
#include "TestDatabase.h"
#include "team/SessionRole.h"

#include <QTest>

#include <memory>

using namespace herald;
using Role = SessionRole::Role;
using Right = SessionRole::Right;

// What each real login may do, read from the server's grants (PostgreSQL), and SQLite's one person with every right.
class TestSessionRole : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TestDatabase> m_scratch;
    std::unique_ptr<Database> m_owner;
    std::unique_ptr<test::RoleLogins> m_roles;

    static bool isPostgres() { return test::TestDatabase::backendUnderTest() == Backend::Postgres; }

private slots:
    void initTestCase()
    {
        m_scratch = std::make_unique<test::TestDatabase>();
        QVERIFY2(m_scratch->isReady(), qPrintable(m_scratch->setupError()));
        m_owner = m_scratch->open();
        if (!isPostgres())
            return;
        m_roles = std::make_unique<test::RoleLogins>(m_scratch->profile());
        const QString created = m_roles->create();
        QVERIFY2(created.isEmpty(), qPrintable(created));
    }

    void cleanupTestCase()
    {
        m_roles.reset();
        m_owner.reset();
        m_scratch.reset();
    }

    void ownerOrSqliteHasEveryRight()
    {
        const auto role = SessionRole::read(*m_owner);
        QVERIFY2(role.ok(), qPrintable(role.error().message));
        QCOMPARE(role->role(), Role::Owner);
        QVERIFY(role->may(Right::EditContent));
        QVERIFY(role->may(Right::Send));
        QVERIFY(role->may(Right::Administer));
        if (isPostgres())
            QVERIFY2(role->signedInText().contains(m_scratch->profile().user), qPrintable(role->signedInText()));
        else
            QCOMPARE(role->signedInText(), QStringLiteral("This computer: every right"));
    }

    void eachLogin_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<Role>("role");
        QTest::addColumn<bool>("edit");
        QTest::addColumn<bool>("send");
        QTest::addColumn<bool>("administer");
        QTest::newRow("viewer") << "viewer" << Role::Viewer << false << false << false;
        QTest::newRow("editor") << "editor" << Role::Editor << true << false << false;
        QTest::newRow("sender") << "sender" << Role::Sender << true << true << false;
        QTest::newRow("admin") << "admin" << Role::Admin << true << true << true;
        QTest::newRow("worker") << "worker" << Role::Worker << false << false << false;
    }

    void eachLogin()
    {
        if (!isPostgres())
            QSKIP("Logins and group roles are PostgreSQL's; SQLite is one person with every right");
        QFETCH(QString, group);
        QFETCH(Role, role);
        const auto read = SessionRole::read(m_roles->as(group));
        QVERIFY2(read.ok(), qPrintable(read.error().message));
        QCOMPARE(read->role(), role);
        QCOMPARE(read->login(), m_roles->login(group));
        QFETCH(bool, edit);
        QFETCH(bool, send);
        QFETCH(bool, administer);
        QCOMPARE(read->may(Right::EditContent), edit);
        QCOMPARE(read->may(Right::Send), send);
        QCOMPARE(read->may(Right::Administer), administer);
        QCOMPARE(read->signedInText(),
                 QStringLiteral("Signed in as %1 (%2)").arg(m_roles->login(group), SessionRole::roleName(role)));
    }

    void aLoginInNoGroupHasNoRight()
    {
        if (!isPostgres())
            QSKIP("PostgreSQL logins only");
        // A login of its own that belongs to no Herald group can connect but may do nothing.
        const QString login = m_roles->createLogin(QStringLiteral("nobody"), QStringLiteral("viewer"));
        QVERIFY(!login.isEmpty());
        const auto revoked = m_roles->psql({}, QStringLiteral("REVOKE herald_viewer FROM \"%1\"").arg(login));
        QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.output));
        ConnectionProfile profile = m_roles->profile(QStringLiteral("viewer"));
        profile.user = login;
        Database nobody(profile, m_roles->password());
        QVERIFY(nobody.checkedConnection().ok());
        const auto read = SessionRole::read(nobody);
        QVERIFY2(read.ok(), qPrintable(read.error().message));
        QCOMPARE(read->role(), Role::None);
        QVERIFY(!read->rights());
    }

    void sentencesNameWhoMay()
    {
        const SessionRole viewer(Role::Viewer, QStringLiteral("alice"));
        QCOMPARE(viewer.refusal(Right::EditContent),
                 SessionRole::whoMay(Right::EditContent) + QStringLiteral(" You are signed in as alice (viewer)."));
        QVERIFY(SessionRole::whoMay(Right::EditContent).startsWith(QLatin1String("Editors, senders and administrators")));
        QVERIFY(SessionRole::whoMay(Right::Send).startsWith(QLatin1String("Senders and administrators")));
        QVERIFY(SessionRole::whoMay(Right::Administer).startsWith(QLatin1String("Administrators")));
    }
};

QTEST_GUILESS_MAIN(TestSessionRole)
#include "TestSessionRole.moc"
