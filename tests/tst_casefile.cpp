#include <QTest>
class Placeholder : public QObject {
    Q_OBJECT
private slots:
    void placeholder() { QSKIP("being written"); }
};
QTEST_MAIN(Placeholder)
#include "tst_casefile.moc"
