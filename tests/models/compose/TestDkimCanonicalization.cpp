#include "compose/DkimCanonicalization.h"

#include <QTest>

using namespace herald;

using Form = DkimCanonicalization::Form;
Q_DECLARE_METATYPE(herald::DkimCanonicalization::Form)

// RFC 6376's canonical forms: the example of section 3.4.5 byte for byte, empty bodies and empty lines at the end,
// a last line without CRLF, and which instance of a repeated header field a signature covers (section 5.4.2).
class TestDkimCanonicalization : public QObject
{
    Q_OBJECT

    // RFC 6376 3.4.5.
    const QByteArray m_example = "A: X\r\n"
                                 "B : Y\t\r\n"
                                 "\tZ  \r\n"
                                 "\r\n"
                                 " C \r\n"
                                 "D \t E\r\n"
                                 "\r\n"
                                 "\r\n";

    static QByteArray canonicalHeaders(const QByteArray& message, Form form)
    {
        qsizetype bodyStart = 0;
        QByteArray out;
        for (const auto& field : DkimCanonicalization::headerFields(message, &bodyStart))
            out += DkimCanonicalization::header(field.field, form);
        return out;
    }

private slots:
    void rfcExample()
    {
        qsizetype bodyStart = 0;
        const auto fields = DkimCanonicalization::headerFields(m_example, &bodyStart);
        QCOMPARE(fields.size(), 2);
        QCOMPARE(fields.at(1).name, QByteArray("B "));
        QCOMPARE(bodyStart, qsizetype(m_example.indexOf(" C")));
        QCOMPARE(canonicalHeaders(m_example, Form::Relaxed), QByteArray("a:X\r\nb:Y Z\r\n"));
        QCOMPARE(DkimCanonicalization::body(m_example, bodyStart, Form::Relaxed), QByteArray(" C\r\nD E\r\n"));
        QCOMPARE(canonicalHeaders(m_example, Form::Simple), QByteArray("A: X\r\nB : Y\t\r\n\tZ  \r\n"));
        QCOMPARE(DkimCanonicalization::body(m_example, bodyStart, Form::Simple), QByteArray(" C \r\nD \t E\r\n"));
    }

    void bodies_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<Form>("form");
        QTest::addColumn<QByteArray>("canonical");
        QTest::newRow("empty, simple") << QByteArray() << Form::Simple << QByteArray("\r\n");
        QTest::newRow("empty, relaxed") << QByteArray() << Form::Relaxed << QByteArray();
        QTest::newRow("only empty lines, simple") << QByteArray("\r\n\r\n") << Form::Simple << QByteArray("\r\n");
        QTest::newRow("only white space, relaxed") << QByteArray("  \r\n\t\r\n") << Form::Relaxed << QByteArray();
        QTest::newRow("white space line kept by simple") << QByteArray("a\r\n \r\n") << Form::Simple << QByteArray("a\r\n \r\n");
        QTest::newRow("no final CRLF, simple") << QByteArray("a\r\nb") << Form::Simple << QByteArray("a\r\nb\r\n");
        QTest::newRow("no final CRLF, relaxed") << QByteArray("a\r\nb  ") << Form::Relaxed << QByteArray("a\r\nb\r\n");
        QTest::newRow("empty lines inside stay") << QByteArray("a\r\n\r\n\r\nb\r\n\r\n") << Form::Relaxed
                                                 << QByteArray("a\r\n\r\n\r\nb\r\n");
        QTest::newRow("bare LF counts as a line end") << QByteArray("a\nb\n\n") << Form::Simple << QByteArray("a\r\nb\r\n");
    }

    void bodies()
    {
        QFETCH(QByteArray, body);
        QFETCH(Form, form);
        QFETCH(QByteArray, canonical);
        const QByteArray message = "Subject: x\r\n\r\n" + body;
        qsizetype bodyStart = 0;
        DkimCanonicalization::headerFields(message, &bodyStart);
        QCOMPARE(DkimCanonicalization::body(message, bodyStart, form), canonical);
    }

    void repeatedFieldsAreTakenFromTheBottom()
    {
        const QByteArray message = "Received: first\r\nFrom: a@example.org\r\nReceived: second\r\nSubject: hi\r\n\r\nbody\r\n";
        qsizetype bodyStart = 0;
        const auto fields = DkimCanonicalization::headerFields(message, &bodyStart);
        // Named twice: the last instance first, then the one above; a third (over-signed) adds nothing.
        QCOMPARE(DkimCanonicalization::selectedHeaders(fields, {"received", "received", "received", "FROM", "to"}, Form::Relaxed),
                 QByteArray("received:second\r\nreceived:first\r\nfrom:a@example.org\r\n"));
        // A header without a body: the whole message is header fields.
        qsizetype noBody = 0;
        QCOMPARE(DkimCanonicalization::headerFields("From: a@b.c\r\n", &noBody).size(), 1);
        QCOMPARE(noBody, qsizetype(13));
    }
};

QTEST_GUILESS_MAIN(TestDkimCanonicalization)
#include "TestDkimCanonicalization.moc"
