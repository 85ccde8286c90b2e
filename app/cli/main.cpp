#include "clicommands.h"

#include "appdatapaths.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QLoggingCategory>

#include <cstdio>
#include <cstring>
#include <memory>

namespace {
// Only the report's and the recovery kit's PDFs need fonts and a paint device; every other command stays a plain
// console program that loads nothing of the GUI.
bool makesAReport(int argc, char *argv[])
{
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "leader") == 0 && (std::strcmp(argv[i + 1], "report") == 0 || std::strcmp(argv[i + 1], "recovery-kit") == 0))
            return true;
    return false;
}
} // namespace

int main(int argc, char *argv[])
{
    std::unique_ptr<QCoreApplication> application;
    if (makesAReport(argc, argv)) {
        qputenv("QT_QPA_PLATFORM", "offscreen"); // no display needed, or wanted, to write a PDF
        application = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        application = std::make_unique<QCoreApplication>(argc, argv);
    }
    QCoreApplication::setApplicationName(QStringLiteral("fieldnotes-cli"));
    // Library warnings go to the log in the app; here the one error line on stderr says it all,
    // but for the warning that secrets may be swapped.
    QLoggingCategory::setFilterRules(QStringLiteral("fieldnotes.*=false\nfieldnotes.memory.warning=true"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList words = QCoreApplication::arguments().mid(1);
    QString vaultDirectory = fieldnotes::platform::defaultVaultDirectory();
    int passphraseFd = -1;
    while (!words.isEmpty() && words.first().startsWith(QLatin1String("--"))) {
        const QString option = words.takeFirst();
        if (option == QLatin1String("--help")) {
            out << fieldnotes::cli::CliCommands::usageText();
            return fieldnotes::cli::Success;
        }
        if (words.isEmpty() || (option != QLatin1String("--vault") && option != QLatin1String("--passphrase-fd"))) {
            err << "fieldnotes-cli: unknown or incomplete option " << option << Qt::endl << fieldnotes::cli::CliCommands::usageText();
            return fieldnotes::cli::UsageError;
        }
        const QString value = words.takeFirst();
        if (option == QLatin1String("--vault")) {
            vaultDirectory = value;
        } else {
            bool ok = false;
            passphraseFd = value.toInt(&ok);
            if (!ok || passphraseFd < 0) {
                err << "fieldnotes-cli: --passphrase-fd takes a file descriptor number" << Qt::endl;
                return fieldnotes::cli::UsageError;
            }
        }
    }
    fieldnotes::cli::CliCommands commands(vaultDirectory, fieldnotes::cli::PassphraseReader(passphraseFd), out, err);
    const int code = commands.run(words);
    out.flush();
    err.flush();
    return code;
}
