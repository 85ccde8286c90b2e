#include "clicommands.h"

#include "appdatapaths.h"

#include <QCoreApplication>
#include <QLoggingCategory>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("fieldnotes-cli"));
    // Library warnings go to the log in the app; here the one error line on stderr says it all.
    QLoggingCategory::setFilterRules(QStringLiteral("fieldnotes.*=false"));

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
