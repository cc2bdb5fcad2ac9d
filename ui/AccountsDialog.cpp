#include "ui/AccountsDialog.h"

#include "model/auth/Accounts.h"
#include "model/storage/CaseFile.h"
#include "model/storage/Error.h"
#include "model/store/CaseStore.h"
#include "model/util/Clock.h"
#include "ui/PassphraseFields.h"
#include "ui/WaitCursor.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

namespace cb::ui {

namespace {

constexpr int kLoginRole = Qt::UserRole;
constexpr int kLockedRole = Qt::UserRole + 1;

void styleError(QLabel *label, const char *name)
{
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
}

// Adds one account; stays open with the model's message when the model refuses.
class AddAccountDialog : public QDialog {
public:
    AddAccountDialog(CaseFile &file, const Clock &clock, QWidget *parent) : QDialog(parent), m_file(file), m_clock(clock)
    {
        setObjectName(QStringLiteral("addAccountDialog"));
        setWindowTitle(AccountsDialog::tr("Add an Account"));
        m_login = new QLineEdit(this);
        m_login->setObjectName(QStringLiteral("newLogin"));
        m_login->setPlaceholderText(AccountsDialog::tr("The member's badge number"));
        m_member = new QLabel(this);
        m_member->setObjectName(QStringLiteral("newLoginMember"));
        m_member->setWordWrap(true);
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("newMemberName"));
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("newMemberRole"));
        for (Role r : {Role::Detective, Role::Sergeant, Role::Command, Role::Administrator})
            m_role->addItem(label(r), static_cast<int>(r));

        auto *form = new QFormLayout;
        form->addRow(AccountsDialog::tr("&Login:"), m_login);
        form->addRow(QString(), m_member);
        form->addRow(AccountsDialog::tr("New member's &name:"), m_name);
        form->addRow(AccountsDialog::tr("R&ole:"), m_role);
        m_passphrase = new PassphraseFields(*form, this, AccountsDialog::tr("Initial &passphrase:"),
                                            {QStringLiteral("newAccountPassphrase"),
                                             QStringLiteral("newAccountPassphraseRepeat"),
                                             QStringLiteral("newAccountPassphraseCheck")});
        m_passphrase->setAcceptedText(AccountsDialog::tr("Tell it to the person in private; they can change it "
                                                         "from the File menu."));
        m_error = new QLabel(this);
        styleError(m_error, "addAccountError");
        m_error->hide();

        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
        m_ok = buttons->addButton(AccountsDialog::tr("&Add Account"), QDialogButtonBox::AcceptRole);
        m_ok->setObjectName(QStringLiteral("confirmAddAccount"));
        connect(m_ok, &QPushButton::clicked, this, [this] { add(); });
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        connect(m_login, &QLineEdit::textChanged, this, [this] { update(); });
        connect(m_name, &QLineEdit::textChanged, this, [this] { update(); });
        connect(m_passphrase, &PassphraseFields::changed, this, [this] { m_ok->setEnabled(problem().isEmpty()); });
        connect(m_passphrase, &PassphraseFields::submitted, this, [this] { add(); });

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(m_error);
        layout->addWidget(buttons);
        setMinimumWidth(480);
        update();
    }

    QString problem() const
    {
        if (m_login->text().trimmed().isEmpty())
            return AccountsDialog::tr("Enter the login: the member's badge number.");
        if (!m_existing && m_name->text().trimmed().isEmpty())
            return AccountsDialog::tr("No member has this badge: enter the new member's name and role.");
        return m_passphrase->problem();
    }

private:
    void update()
    {
        const QString login = m_login->text().trimmed();
        m_existing.reset();
        if (!login.isEmpty()) {
            try {
                CaseStore store(m_file, m_clock);
                store.setActor({m_file.session().memberId, m_file.session().login});
                m_existing = store.memberByBadge(login);
            } catch (const Error &) {
                // Adding says what is wrong.
            }
        }
        m_member->setText(login.isEmpty() ? QString()
                          : m_existing    ? AccountsDialog::tr("For the member %1, %2.").arg(m_existing->name, label(m_existing->role))
                                          : AccountsDialog::tr("No member has this badge yet: one is added with the "
                                                               "name and role below."));
        m_name->setEnabled(!m_existing);
        m_role->setEnabled(!m_existing);
        m_passphrase->setContext({login, m_existing ? m_existing->name : m_name->text().trimmed()});
        m_ok->setEnabled(problem().isEmpty());
    }

    void add()
    {
        const QString reason = problem();
        if (!reason.isEmpty()) {
            m_error->setText(reason);
            m_error->show();
            return;
        }
        const QString login = m_login->text().trimmed();
        std::optional<Member> member;
        if (!m_existing)
            member = Member{0, m_name->text().trimmed(), login, QString(), QString(),
                            static_cast<Role>(m_role->currentData().toInt()), true};
        try {
            const SecretBytes secret = m_passphrase->take();
            const WaitCursor wait;
            auth::Accounts(m_file, m_clock).add(login, secret, member);
        } catch (const Error &e) {
            m_error->setText(e.message());
            m_error->show();
            return;
        }
        accept();
    }

    CaseFile &m_file;
    const Clock &m_clock;
    QLineEdit *m_login = nullptr;
    QLabel *m_member = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    PassphraseFields *m_passphrase = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    std::optional<Member> m_existing;
};

} // namespace

AccountsDialog::AccountsDialog(Access access, const Clock &clock, QWidget *parent)
    : QDialog(parent), m_access(std::move(access)), m_clock(clock)
{
    setObjectName(QStringLiteral("accountsDialog"));
    setWindowTitle(tr("Accounts"));

    auto *intro = new QLabel(tr("Each person signs in with their own account; the login is their badge. Removing "
                                "an account re-encrypts the case file under a new key."),
                             this);
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("accounts"));
    m_table->setHorizontalHeaderLabels({tr("Login"), tr("Name"), tr("Role"), tr("State")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setAlternatingRowColors(true);

    auto *add = new QPushButton(tr("&Add…"), this);
    add->setObjectName(QStringLiteral("addAccountButton"));
    m_remove = new QPushButton(tr("&Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeAccountButton"));
    m_release = new QPushButton(tr("Re&lease Lock"), this);
    m_release->setObjectName(QStringLiteral("releaseAccountButton"));
    m_release->setToolTip(tr("Let a person locked out after five failed sign-ins try again"));
    connect(add, &QPushButton::clicked, this, &AccountsDialog::showAddAccount);
    connect(m_remove, &QPushButton::clicked, this, &AccountsDialog::confirmRemove);
    connect(m_release, &QPushButton::clicked, this, [this] { releaseAccount(selectedLogin()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccountsDialog::updateButtons);
    auto *actions = new QHBoxLayout;
    actions->addWidget(add);
    actions->addWidget(m_remove);
    actions->addWidget(m_release);
    actions->addStretch(1);

    m_status = new QLabel(this);
    styleError(m_status, "accountsStatus");

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 400);
    refresh();
}

void AccountsDialog::refresh()
{
    const QString selected = selectedLogin();
    m_table->setRowCount(0);
    QList<auth::AccountInfo> accounts;
    try {
        accounts = auth::Accounts(*m_access.file(), m_clock).list();
    } catch (const Error &e) {
        showStatus(e.message(), true);
    }
    for (const auth::AccountInfo &a : std::as_const(accounts)) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        QString state = tr("active");
        if (a.recovery)
            state = tr("recovery key");
        else if (a.locked)
            state = tr("LOCKED since %1 UTC")
                        .arg(QDateTime::fromMSecsSinceEpoch(a.lockedAtMs, QTimeZone::utc())
                                 .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        else if (a.pendingFailures > 0)
            state = tr("active, %n failed sign-in(s) since the last sign-in", nullptr, a.pendingFailures);
        const QStringList cells{a.recovery ? tr("(recovery key)") : a.login, a.name,
                                a.role ? label(*a.role) : QString(), state};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(kLoginRole, a.recovery ? QString() : a.login);
            item->setData(kLockedRole, a.locked);
            if (a.locked) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
                item->setForeground(QColor(0x8b, 0x1a, 0x1a));
            }
            m_table->setItem(row, c, item);
        }
        if (!a.recovery && a.login == selected)
            m_table->selectRow(row);
    }
    m_table->resizeColumnsToContents();
    updateButtons();
}

QStringList AccountsDialog::logins() const
{
    QStringList out;
    for (int r = 0; r < m_table->rowCount(); ++r)
        if (const QString login = m_table->item(r, 0)->data(kLoginRole).toString(); !login.isEmpty())
            out << login;
    return out;
}

QString AccountsDialog::selectedLogin() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(kLoginRole).toString();
}

void AccountsDialog::updateButtons()
{
    const QString login = selectedLogin();
    m_remove->setEnabled(!login.isEmpty());
    bool locked = false;
    for (QTableWidgetItem *item : m_table->selectedItems())
        locked = locked || item->data(kLockedRole).toBool();
    m_release->setEnabled(!login.isEmpty() && locked);
}

void AccountsDialog::showStatus(const QString &text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #8b1a1a;") : QString());
}

void AccountsDialog::showAddAccount()
{
    auto *dialog = new AddAccountDialog(*m_access.file(), m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this] {
        refresh();
        showStatus(tr("The account was added."), false);
    });
    dialog->open();
}

void AccountsDialog::confirmRemove()
{
    const QString login = selectedLogin();
    if (login.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove the Account"),
                                tr("Remove the account %1?").arg(login), QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmRemoveAccount"));
    box->setInformativeText(tr("The case file is then re-encrypted under a new key, which takes a moment: the "
                               "passphrase of %1 opens neither it nor any backup made from now on. Backups made "
                               "before still open with it.")
                                .arg(login));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(remove, &QPushButton::clicked, this, [this, login] { removeAccount(login); });
    box->open();
}

bool AccountsDialog::removeAccount(const QString &login)
{
    try {
        const WaitCursor wait;
        m_access.remove(login);
    } catch (const Error &e) {
        showStatus(e.message(), true);
        return false;
    }
    refresh();
    showStatus(tr("The account %1 was removed and the case file re-encrypted under a new key.").arg(login), false);
    return true;
}

bool AccountsDialog::releaseAccount(const QString &login)
{
    if (login.isEmpty())
        return false;
    try {
        auth::Accounts(*m_access.file(), m_clock).release(login);
    } catch (const Error &e) {
        showStatus(e.message(), true);
        return false;
    }
    refresh();
    showStatus(tr("%1 can sign in again.").arg(login), false);
    return true;
}

} // namespace cb::ui
