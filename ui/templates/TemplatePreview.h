#pragma once

#include "domain/Nonprofit.h"
#include "compose/MessageBuilder.h"
#include "domain/Template.h"
#include "storage/PreviewSender.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTimer;

namespace herald {

class Database;
class PhonePreview;
class PreviewBrowser;
class SideBySidePreview;

// The template as one nonprofit will get it: pick a nonprofit (search over the nonprofits, the first by
// name at start), see the rendered subject, the HTML at desktop and at phone width (PhonePreview) and the text, one
// tab each here or side by side in a window of their own (SideBySidePreview, which follows too). Rendering goes through CampaignMessageComposer,
// exactly as sending does, with the first sender identity's fields (or marked sample values) and a real
// signed unsubscribe link; it follows the editor, debounced, so typing stays smooth. It tells the editor the
// placeholders' values for the nonprofit shown (the Insert field menu shows them).
class TemplatePreview : public QWidget
{
    Q_OBJECT
public:
    explicit TemplatePreview(Database& database, QWidget* parent = nullptr);

    // Renders `messageTemplate` ~150 ms after the last call.
    void setTemplate(const Template& messageTemplate);
    // Renders now (tests, and when a template is loaded).
    void renderNow();
    // Reads the nonprofits, sender identity and secret again (another page may have changed them).
    void reload();
    // Opens the side-by-side window (or raises it) with the last render.
    void showSideBySide();

signals:
    // The placeholders' values for the nonprofit shown (RenderContext), after each render.
    void fieldValuesChanged(const QHash<QString, QString>& values);

private:
    void searchNonprofits();
    void render();
    void showProblem(const QString& message);
    Nonprofit currentNonprofit() const;

    Database& m_database;
    Template m_template;
    PreviewSender m_sender;
    QByteArray m_secret;
    QList<Nonprofit> m_nonprofits;
    QLineEdit* m_searchEdit;
    QComboBox* m_nonprofitCombo;
    QLabel* m_senderLabel;
    QLineEdit* m_subjectView;
    QTabWidget* m_tabs;
    PreviewBrowser* m_htmlView;
    PhonePreview* m_phoneView;
    QPlainTextEdit* m_textView;
    QPushButton* m_sideBySideButton;
    SideBySidePreview* m_sideBySide = nullptr; // made when first opened
    MessageSpec m_rendered; // the last render, for the side-by-side window when it opens
    QLabel* m_statusLabel;
    QTimer* m_renderTimer;
    QTimer* m_searchTimer;
};

} // namespace herald
