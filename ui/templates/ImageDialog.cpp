#include "ImageDialog.h"

#include "common/FormFeedback.h"
#include "emailhtml/EmailHtmlWriter.h"
#include "emailhtml/MessageUrls.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace herald {

ImageDialog::ImageDialog(const Picker& picker, QWidget* parent)
    : QDialog(parent)
    , m_srcEdit(new QLineEdit(this))
    , m_altEdit(new QLineEdit(this))
    , m_widthSpin(new QSpinBox(this))
    , m_errorLabel(FormFeedback::createErrorLabel(QStringLiteral("imageErrorLabel"), this))
{
    setObjectName(QStringLiteral("imageDialog"));
    setWindowTitle(tr("Insert Image"));
    m_srcEdit->setObjectName(QStringLiteral("imageSrcEdit"));
    m_srcEdit->setPlaceholderText(tr("https://… or media:logo.png"));
    m_srcEdit->setMinimumWidth(320);
    m_altEdit->setObjectName(QStringLiteral("imageAltEdit"));
    m_altEdit->setPlaceholderText(tr("What the image shows, e.g. Our volunteers at the food bank"));
    m_widthSpin->setObjectName(QStringLiteral("imageWidthSpin"));
    m_widthSpin->setRange(0, EmailHtmlWriter::LayoutWidth);
    m_widthSpin->setValue(EmailHtmlWriter::LayoutWidth);
    m_widthSpin->setSuffix(tr(" px"));
    m_widthSpin->setSpecialValueText(tr("Image's own width"));
    m_widthSpin->setToolTip(tr("At most %1 px, the width of the message.").arg(EmailHtmlWriter::LayoutWidth));

    auto* srcRow = new QHBoxLayout;
    srcRow->addWidget(m_srcEdit, 1);
    if (picker) {
        auto* library = new QPushButton(tr("&Media Library…"), this);
        library->setObjectName(QStringLiteral("mediaLibraryButton"));
        connect(library, &QPushButton::clicked, this, [this, picker] {
            const QString chosen = picker(this);
            if (!chosen.isEmpty())
                m_srcEdit->setText(chosen);
        });
        srcRow->addWidget(library);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImageDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImageDialog::reject);

    auto* form = new QFormLayout;
    form->addRow(tr("&Image:"), srcRow);
    form->addRow(tr("&Alt text:"), m_altEdit);
    form->addRow(tr("&Width:"), m_widthSpin);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_errorLabel);
    layout->addWidget(buttons);
}

QString ImageDialog::src() const { return m_srcEdit->text().trimmed(); }

QString ImageDialog::alt() const { return m_altEdit->text().trimmed(); }

int ImageDialog::width() const { return m_widthSpin->value(); }

QString ImageDialog::srcProblem(const QString& src)
{
    if (src.isEmpty())
        return tr("Enter the image's address, or pick one from the media library.");
    if (MessageUrls::isAllowed(src, MessageUrls::Use::Image))
        return {};
    return tr("\"%1\" is not an image address a message can show: use one that starts with https://, or pick the "
              "image from the media library.")
        .arg(src);
}

void ImageDialog::accept()
{
    const QString problem = srcProblem(src());
    FormFeedback::markInvalid(m_srcEdit, !problem.isEmpty());
    if (!problem.isEmpty()) {
        FormFeedback::showError(m_errorLabel, problem);
        m_srcEdit->setFocus();
        return;
    }
    QDialog::accept();
}

} // namespace herald
