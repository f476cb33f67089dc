#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

class QWidget;

namespace herald {

// Keeps a widget disabled, with the reason as its tooltip, while one of its reasons holds, even when its page enables
// it again (a selection change) or gives it another tooltip. Several reasons may hold a widget (offline, the role):
// one filter per widget, the first reason that holds wins, so they never fight over the tooltip.
class DisabledReasons : public QObject
{
public:
    // The reason the widget must stay disabled now, or an empty string when it need not.
    using Reason = std::function<QString()>;

    static void add(QWidget* widget, Reason reason);
    // Applies the reasons again (one of them may hold now).
    static void reapply(QWidget* widget);

    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    explicit DisabledReasons(QWidget* widget);
    void apply(QWidget* widget);

    std::vector<Reason> m_reasons;
    bool m_applying = false;
};

} // namespace herald
