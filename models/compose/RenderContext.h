#pragma once

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

namespace herald {

struct Nonprofit;
struct Campaign;

// The values a template may use, by placeholder name: the nonprofit's fields, the sender's,
// the recipient's unsubscribe link, the postal address, the campaign name and the date.
class RenderContext
{
public:
    static RenderContext forRecipient(const Nonprofit& nonprofit, const Campaign& campaign,
                                      const QString& unsubscribeUrl, const QDate& date);
    // Every placeholder a template may name (used to flag unknown ones).
    static const QStringList& knownPlaceholders();
    static const QStringList& listPlaceholders(); // those that are lists (sections iterate them)

    void set(const QString& name, const QString& value) { m_values.insert(name, value); }
    void setList(const QString& name, const QStringList& values) { m_lists.insert(name, values); }
    const QHash<QString, QString>& values() const { return m_values; }
    const QHash<QString, QStringList>& lists() const { return m_lists; }

private:
    QHash<QString, QString> m_values;
    QHash<QString, QStringList> m_lists;
};

} // namespace herald
