#include "DesktopTestEnvironment.h"
#include "DeskDatabase.h"
#include "common/FileDialog.h"
#include "common/MessageBox.h"
#include "database/BackupAction.h"
#include "storage/Database.h"

#include <QSqlQuery>
#include <QTest>
#include <QWidget>

#include <memory>

using namespace herald;

// File → Back Up… (issue 18): the file picked is written by SQLite's online backup on a worker thread, and the
// window then says how to restore; a PostgreSQL profile is pointed at pg_dump instead.
class TestBackupAction : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::useTestDesktop(m_dir);
    }

    void backsUpThePickedFile()
    {
        Database desk(ConnectionProfile::embedded(m_dir.filePath(QStringLiteral("desk.sqlite"))));
        QVERIFY(desk.open().ok());
        const QString filled = test::DeskDatabase::fill(desk.connection(), 2000);
        QVERIFY2(filled.isEmpty(), qPrintable(filled));
        QWidget window;
        auto* action = new BackupAction(desk, &window);
        const QString file = m_dir.filePath(QStringLiteral("picked.sqlite"));
        FileDialog::setNextFileName(file);
        MessageBox::setNextAnswer(QMessageBox::Ok);
        action->run();
        QTRY_VERIFY_WITH_TIMEOUT(MessageBox::lastText().contains(QStringLiteral("Restoring is opening that file")), 30000);
        QVERIFY(MessageBox::lastText().contains(file));

        Database restored(ConnectionProfile::embedded(file));
        QVERIFY(restored.open().ok());
        QSqlQuery check(restored.connection());
        QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
        QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
        QCOMPARE(test::DeskDatabase::count(restored.connection(), QStringLiteral("nonprofits")), qint64(2000));
    }

    void pointsAServerAtPgDump()
    {
        Database server(ConnectionProfile::postgres(QStringLiteral("Team"), QStringLiteral("127.0.0.1"), 5432,
                                                    QStringLiteral("herald"), QStringLiteral("alice")));
        QWidget window;
        MessageBox::setNextAnswer(QMessageBox::Ok);
        BackupAction(server, &window).run();
        QVERIFY2(MessageBox::lastText().contains(QStringLiteral("pg_dump")), qPrintable(MessageBox::lastText()));
    }
};

QTEST_MAIN(TestBackupAction)
#include "TestBackupAction.moc"
