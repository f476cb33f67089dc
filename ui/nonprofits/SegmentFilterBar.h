#pragma once

#include "domain/Audience.h"
#include "domain/Segment.h"

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;
class QTimer;

namespace herald {

class Database;

// The filters above the nonprofits table: a saved segment to start from, tags, region and status. Changing any of
// them emits filterChanged (debounced); "Save as Segment…" stores the filters with the page's search text as a
// segment campaigns can use as their audience, and "Delete Segment" removes the chosen one after asking.
class SegmentFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit SegmentFilterBar(Database& database, QWidget* parent = nullptr);

    // The filters as typed (the search text is the page's, not part of this).
    Audience filter() const;
    // Reads the saved segments again, keeping the chosen one when it still exists.
    void reloadSegments();

public slots:
    void setSearchText(const QString& text) { m_searchText = text; }
    void chooseSegment(int index);
    // Saves the filters and search text as a segment called `name`; false (and errorOccurred) when refused.
    bool saveAsSegment(const QString& name);
    void deleteChosenSegment();

signals:
    void filterChanged(const herald::Audience& filter);
    // A segment was chosen that carries a search text: the page puts it in its search field.
    void searchTextChosen(const QString& text);
    void errorOccurred(const QString& message);

private:
    void askNameAndSave();
    void updateButtons();

    Database& m_database;
    QList<Segment> m_segments;
    QString m_searchText;
    QComboBox* m_segmentCombo;
    QLineEdit* m_tagsEdit;
    QLineEdit* m_regionEdit;
    QComboBox* m_statusCombo;
    QPushButton* m_saveButton;
    QPushButton* m_deleteButton;
    QTimer* m_changeTimer;
    bool m_applyingSegment = false;
};

} // namespace herald
