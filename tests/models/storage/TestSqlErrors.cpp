#include "storage/SqlErrors.h"

#include <QTest>

using namespace herald;

// What the user reads when the server refuses: a permission error (SQLSTATE 42501) is a sentence naming the table and
// what Herald was doing, never the server's SQL-speak; other errors keep the server's text.
class TestSqlErrors : public QObject
{
    Q_OBJECT

    static QSqlError serverError(const QString& text, const QString& code)
    {
        return QSqlError(QStringLiteral("could not execute"), text, QSqlError::StatementError, code);
    }

private slots:
    void permissionErrorsNameTheTable_data()
    {
        QTest::addColumn<QString>("serverText");
        QTest::addColumn<QString>("table");
        QTest::newRow("grant") << QStringLiteral("permission denied for table nonprofits") << QStringLiteral("nonprofits");
        QTest::newRow("row-level security")
            << QStringLiteral("new row violates row-level security policy for table \"campaigns\"") << QStringLiteral("campaigns");
        QTest::newRow("append-only audit log")
            << QStringLiteral("The audit log is append-only: DELETE of audit_log is refused (retention: herald_prune_audit)")
            << QStringLiteral("audit_log");
        QTest::newRow("no table named") << QStringLiteral("permission denied for function herald_prune_audit") << QString();
    }
    void permissionErrorsNameTheTable()
    {
        QFETCH(QString, serverText);
        QFETCH(QString, table);
        const QSqlError error = serverError(serverText, QStringLiteral("42501"));
        QVERIFY(SqlErrors::isPermissionDenied(error));
        const Error sentence = SqlErrors::toError(error, QStringLiteral("Could not save nonprofit 'Food Bank'"));
        QCOMPARE(sentence.kind, Error::Kind::Permission);
        QVERIFY2(sentence.message.startsWith(QLatin1String("Could not save nonprofit 'Food Bank': ")), qPrintable(sentence.message));
        QVERIFY2(sentence.message.contains(QLatin1String("administrator")), qPrintable(sentence.message));
        if (!table.isEmpty())
            QVERIFY2(sentence.message.contains(QLatin1String(" on ") + table + QLatin1Char(' ')), qPrintable(sentence.message));
        QVERIFY2(!sentence.message.contains(serverText), qPrintable(sentence.message));
    }

    void otherErrorsKeepTheServersText()
    {
        const Error error = SqlErrors::toError(serverError(QStringLiteral("division by zero"), QStringLiteral("22012")),
                                               QStringLiteral("Could not count"));
        QCOMPARE(error.kind, Error::Kind::Database);
        QCOMPARE(error.message, QStringLiteral("Could not count: division by zero"));
        QVERIFY(!SqlErrors::isPermissionDenied(serverError(QStringLiteral("division by zero"), QStringLiteral("22012"))));
    }
};

QTEST_GUILESS_MAIN(TestSqlErrors)
#include "TestSqlErrors.moc"
