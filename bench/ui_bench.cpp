// Drives the real Fieldnotes QML module with real key events and prints what a keystroke costs
// next to a bare TextArea page measured in the same run (README, "Benchmarks").
//   fieldnotes-ui-bench [--keys N] [--search-notes N] [--dir DIR]
// It needs a real window: xvfb-run -s "-screen 0 1280x800x24" fieldnotes-ui-bench
#include "benchtext.h"
#include "checklistcontroller.h"
#include "notestore.h"
#include "quickitems.h"
#include "quicklook.h"
#include "vault.h"
#include "vaultsession.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QProcess>
#include <QMap>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QQmlProperty>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTemporaryDir>
#include <QTimer>
#include <QtQml/QQmlExtensionPlugin>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <unistd.h>

Q_IMPORT_QML_PLUGIN(FieldnotesPlugin)

using namespace fieldnotes;
using fieldnotes::ui::VaultSession;

namespace {

const QElapsedTimer &monotonic()
{
    static QElapsedTimer timer = [] { QElapsedTimer t; t.start(); return t; }();
    return timer;
}

double nowMs() { return double(monotonic().nsecsElapsed()) / 1e6; }

// The GUI thread's own CPU time: what the app's code costs, without the rasteriser's threads
// (software GL here; a tablet's GPU does that work).
double guiThreadCpuMs()
{
    timespec spent{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spent);
    return double(spent.tv_sec) * 1e3 + double(spent.tv_nsec) / 1e6;
}

double processCpuMs()
{
    timespec spent{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spent);
    return double(spent.tv_sec) * 1e3 + double(spent.tv_nsec) / 1e6;
}

// CPU time per thread name (summed over threads of the same name, digits dropped so that
// "llvmpipe-0" and "llvmpipe-1" count together), from the scheduler's nanosecond counters.
QMap<QString, double> threadCpuMs()
{
    QMap<QString, double> spent;
    const QStringList tasks = QDir(QStringLiteral("/proc/self/task")).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &task : tasks) {
        QFile comm(QStringLiteral("/proc/self/task/%1/comm").arg(task));
        QFile schedstat(QStringLiteral("/proc/self/task/%1/schedstat").arg(task));
        if (!comm.open(QIODevice::ReadOnly) || !schedstat.open(QIODevice::ReadOnly))
            continue;
        QString name = QString::fromUtf8(comm.readAll()).trimmed();
        while (!name.isEmpty() && (name.back().isDigit() || name.back() == QLatin1Char('-')))
            name.chop(1);
        spent[name] += QString::fromLatin1(schedstat.readAll()).section(QLatin1Char(' '), 0, 0).toDouble() / 1e6;
    }
    return spent;
}

// Waits in the event loop (not spinning, so the wait costs no CPU of its own).
void waitMs(double ms)
{
    if (ms <= 0)
        return;
    QEventLoop loop;
    QTimer::singleShot(int(ms + 0.5), &loop, &QEventLoop::quit);
    loop.exec();
}

// The time of every swapped frame, recorded on the thread that swaps.
class FrameWatch
{
public:
    explicit FrameWatch(QQuickWindow *window) : m_window(window)
    {
        QObject::connect(window, &QQuickWindow::frameSwapped, window, [this] {
            m_lastSwap = nowMs();
            ++m_frames;
        }, Qt::DirectConnection);
    }
    int frames() const { return m_frames; }
    double lastSwap() const { return m_lastSwap; }
    /// Waits for a frame after `seen` frames; false after the timeout.
    bool waitForFrameAfter(int seen, double timeoutMs)
    {
        if (m_frames > seen)
            return true;
        QEventLoop loop;
        QTimer timeout;
        timeout.setSingleShot(true);
        QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
        QObject::connect(m_window, &QQuickWindow::frameSwapped, &loop, [&] {
            if (m_frames > seen)
                loop.quit();
        }, Qt::QueuedConnection);
        timeout.start(int(timeoutMs));
        if (m_frames <= seen)
            loop.exec();
        return m_frames > seen;
    }

private:
    QQuickWindow *m_window;
    std::atomic<int> m_frames{0};
    std::atomic<double> m_lastSwap{0};
};

struct Spread {
    double p50 = 0, p95 = 0, max = 0;
};

Spread spreadOf(QList<double> samples)
{
    if (samples.isEmpty())
        return {};
    std::sort(samples.begin(), samples.end());
    return {samples.at(samples.size() / 2), samples.at(std::min<qsizetype>(samples.size() - 1, samples.size() * 95 / 100)), samples.last()};
}

// What typing cost, summed over one or more rounds.
struct Typing {
    double cpuMs = 0; // the process, all threads
    double guiCpuMs = 0;
    QList<double> latencies; // key event to the next frame swapped, each key
    int keys = 0;
    int arrived = 0; // characters that reached the field
    int lateFrames = 0; // keystrokes whose frame did not come within the timeout
    int frames = 0;
    QMap<QString, double> threads; // CPU time by thread name

    Typing &operator+=(const Typing &other)
    {
        cpuMs += other.cpuMs;
        guiCpuMs += other.guiCpuMs;
        latencies += other.latencies;
        keys += other.keys;
        arrived += other.arrived;
        lateFrames += other.lateFrames;
        frames += other.frames;
        for (auto thread = other.threads.begin(); thread != other.threads.end(); ++thread)
            threads[thread.key()] += thread.value();
        return *this;
    }
    double cpuPerKey() const { return keys ? cpuMs / keys : 0; }
    // Without Mesa's software rasteriser's threads: the CPU time that stays on the CPU when a
    // GPU draws the frames, as on a tablet.
    double cpuWithoutRasteriserPerKey() const
    {
        double rasteriser = 0;
        for (auto thread = threads.begin(); thread != threads.end(); ++thread)
            if (thread.key().startsWith(QLatin1String("llvmpipe")) || thread.key().startsWith(QLatin1String("softpipe")))
                rasteriser += thread.value();
        return keys ? (cpuMs - rasteriser) / keys : 0;
    }
    double guiCpuPerKey() const { return keys ? guiCpuMs / keys : 0; }

    // One line, for the baseline's process to hand its figures back.
    QByteArray serialised() const
    {
        QStringList latencyList, threadList;
        for (const double latency : latencies)
            latencyList << QString::number(latency, 'f', 3);
        for (auto thread = threads.begin(); thread != threads.end(); ++thread)
            threadList << QStringLiteral("%1=%2").arg(thread.key()).arg(thread.value(), 0, 'f', 3);
        return QStringLiteral("typed %1 %2 %3 %4 %5 %6 %7 %8 %9\n").arg(cpuMs).arg(guiCpuMs).arg(keys).arg(arrived).arg(lateFrames).arg(frames)
            .arg(latencyList.join(QLatin1Char(',')), threadList.join(QLatin1Char(';')).replace(QLatin1Char(' '), QLatin1Char('_')), QStringLiteral("."))
            .toUtf8();
    }
    static std::optional<Typing> parsed(const QByteArray &line)
    {
        const QStringList fields = QString::fromUtf8(line).trimmed().split(QLatin1Char(' '));
        if (fields.size() != 10 || fields.at(0) != QLatin1String("typed"))
            return std::nullopt;
        Typing typing;
        typing.cpuMs = fields.at(1).toDouble();
        typing.guiCpuMs = fields.at(2).toDouble();
        typing.keys = fields.at(3).toInt();
        typing.arrived = fields.at(4).toInt();
        typing.lateFrames = fields.at(5).toInt();
        typing.frames = fields.at(6).toInt();
        for (const QString &latency : fields.at(7).split(QLatin1Char(','), Qt::SkipEmptyParts))
            typing.latencies << latency.toDouble();
        for (const QString &thread : fields.at(8).split(QLatin1Char(';'), Qt::SkipEmptyParts))
            typing.threads[thread.section(QLatin1Char('='), 0, 0)] = thread.section(QLatin1Char('='), 1).toDouble();
        return typing;
    }
};

const QString typedText = QStringLiteral("the young people said the youth club helps them a lot ");

// Types `keys` characters at 10 a second into `field` as key events to the window, and times
// each from the event to the next frame swapped; the process's CPU time covers all threads.
Typing typeInto(QQuickWindow *window, FrameWatch &frames, QQuickItem *field, int keys, const QString &text = typedText)
{
    window->raise(); // two windows share the screen: the one typed into is on top, as on a tablet
    field->forceActiveFocus();
    waitMs(2000); // transitions and first loads settle outside the measurement
    Typing result;
    result.keys = keys;
    const qsizetype before = field->property("text").toString().size();
    const double cpuStart = processCpuMs();
    const double guiStart = guiThreadCpuMs();
    const int framesStart = frames.frames();
    const QMap<QString, double> threadsStart = threadCpuMs();
    for (int i = 0; i < keys; ++i) {
        const double start = nowMs();
        const int seen = frames.frames();
        const QChar character = text.at(i % text.size());
        const int key = character == QLatin1Char(' ') ? int(Qt::Key_Space) : int(Qt::Key_A) + (character.toLower().unicode() - 'a');
        QGuiApplication::postEvent(window, new QKeyEvent(QEvent::KeyPress, key, Qt::NoModifier, QString(character)));
        QGuiApplication::postEvent(window, new QKeyEvent(QEvent::KeyRelease, key, Qt::NoModifier, QString(character)));
        if (frames.waitForFrameAfter(seen, 5000))
            result.latencies << frames.lastSwap() - start;
        else
            ++result.lateFrames;
        waitMs(100 - (nowMs() - start));
    }
    result.cpuMs = processCpuMs() - cpuStart;
    result.guiCpuMs = guiThreadCpuMs() - guiStart;
    result.frames = frames.frames() - framesStart;
    const QMap<QString, double> threadsEnd = threadCpuMs();
    for (auto thread = threadsEnd.begin(); thread != threadsEnd.end(); ++thread)
        result.threads[thread.key()] = thread.value() - threadsStart.value(thread.key());
    result.arrived = int(field->property("text").toString().size() - before);
    return result;
}

void printTyping(const char *label, const Typing &typing, const Typing &baseline)
{
    const Spread latency = spreadOf(typing.latencies);
    std::printf("  %-44s %6.2f ms %5.2fx  %5.2f ms %5.2fx  %5.2f ms %5.2fx  %6.1f %6.1f %6.1f ms  %d/%d  %.2f%s\n", label, typing.cpuPerKey(),
                typing.cpuPerKey() / baseline.cpuPerKey(), typing.cpuWithoutRasteriserPerKey(), typing.cpuWithoutRasteriserPerKey() / baseline.cpuWithoutRasteriserPerKey(),
                typing.guiCpuPerKey(), typing.guiCpuPerKey() / baseline.guiCpuPerKey(), latency.p50, latency.p95, latency.max,
                typing.arrived, typing.keys, double(typing.frames) / typing.keys, typing.lateFrames ? qPrintable(QStringLiteral(" (%1 frames late)").arg(typing.lateFrames)) : "");
    QStringList threads;
    for (auto thread = typing.threads.begin(); thread != typing.threads.end(); ++thread)
        if (thread.value() / typing.keys >= 0.05)
            threads << QStringLiteral("%1 %2").arg(thread.key()).arg(thread.value() / typing.keys, 0, 'f', 2);
    std::printf("  %-44s by thread (ms per key): %s\n", "", qPrintable(threads.join(QStringLiteral(", "))));
    std::fflush(stdout);
}

const char *const bareTextAreaPage = "import QtQuick\nimport QtQuick.Controls\n"
                                     "ApplicationWindow { width: 1280; height: 800; visible: true; font.pixelSize: 18\n"
                                     "  TextArea { objectName: \"noteText\"; x: 16; y: 16; width: 600; height: 160; wrapMode: TextArea.Wrap } }";

// The baseline's side: a bare TextArea page in the same style, size and font, typed into on
// request. Requests on stdin ("type KEYS CLEAR TEXT"), figures on stdout, one line each.
int serveBaseline()
{
    QQmlEngine engine;
    QQmlComponent bare(&engine);
    bare.setData(bareTextAreaPage, QUrl());
    std::unique_ptr<QObject> root(bare.create());
    auto *window = qobject_cast<QQuickWindow *>(root.get());
    if (!window) {
        std::fprintf(stderr, "%s\n", qPrintable(bare.errorString()));
        return 1;
    }
    FrameWatch frames(window);
    frames.waitForFrameAfter(0, 10000);
    QFile input;
    if (!input.open(stdin, QIODevice::ReadOnly))
        return 1;
    while (true) {
        const QStringList request = QString::fromUtf8(input.readLine()).chopped(1).split(QLatin1Char(' '));
        if (request.size() < 4 || request.at(0) != QLatin1String("type"))
            break;
        QQuickItem *field = fieldnotes::test::findItemNamed(window->contentItem(), QStringLiteral("noteText"));
        if (request.at(2) == QLatin1String("1"))
            field->setProperty("text", QString());
        const Typing typing = typeInto(window, frames, field, request.at(1).toInt(), request.mid(3).join(QLatin1Char(' ')));
        std::fputs(typing.serialised().constData(), stdout);
        std::fflush(stdout);
    }
    root.reset(); // before `frames`, which the render thread reports to
    return 0;
}

// The bare TextArea page in a process of its own, so that its CPU time is its own: the app's
// window, idle meanwhile, still ticks its clock.
class Baseline
{
public:
    bool start()
    {
        m_process.setProgram(QCoreApplication::applicationFilePath());
        m_process.setArguments({QStringLiteral("--serve-baseline")});
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        return m_process.waitForStarted();
    }
    ~Baseline()
    {
        m_process.write("stop\n");
        m_process.closeWriteChannel();
        if (!m_process.waitForFinished(10000))
            m_process.kill();
    }
    std::optional<Typing> type(int keys, bool clear, const QString &text)
    {
        m_process.write(QStringLiteral("type %1 %2 %3\n").arg(keys).arg(clear ? 1 : 0).arg(text).toUtf8());
        while (!m_process.canReadLine())
            if (!m_process.waitForReadyRead(60000))
                return std::nullopt;
        return Typing::parsed(m_process.readLine());
    }

private:
    QProcess m_process;
};

constexpr int rounds = 3;

struct Paired {
    Typing app;
    Typing bare;
};

// Rounds of the bare page and the app in turn, so that whatever else the machine is doing lands
// on both alike. The bare field starts empty with each case and grows as the app's does; with
// `clearEachRound` both start empty each round (a search box).
std::optional<Paired> typePaired(Baseline &baseline, QQuickWindow *window, FrameWatch &frames, QQuickItem *field, int keys,
                                 const QString &text = typedText, bool clearEachRound = false)
{
    Paired paired;
    for (int round = 0; round < rounds; ++round) {
        const auto bare = baseline.type(keys, round == 0 || clearEachRound, text);
        if (!bare) {
            std::fprintf(stderr, "the baseline's process did not answer\n");
            return std::nullopt;
        }
        paired.bare += *bare;
        if (clearEachRound)
            field->setProperty("text", QString());
        paired.app += typeInto(window, frames, field, keys, text);
    }
    return paired;
}

QQuickItem *findItem(QQuickWindow *window, const char *objectName)
{
    QQuickItem *item = fieldnotes::test::findItemNamed(window->contentItem(), QString::fromLatin1(objectName));
    if (!item) {
        std::fprintf(stderr, "no item named %s\n", objectName);
        std::exit(1);
    }
    return item;
}

// One window of the app (Main.qml) over the bench's session, like the real app.
struct AppWindow {
    std::unique_ptr<QQmlApplicationEngine> engine;
    QQuickWindow *window = nullptr;
    std::unique_ptr<FrameWatch> frames;

    explicit AppWindow(VaultSession *session)
        : engine(std::make_unique<QQmlApplicationEngine>())
    {
        engine->setInitialProperties({{QStringLiteral("session"), QVariant::fromValue(session)}});
        engine->load(QUrl(QStringLiteral("qrc:/Fieldnotes/Main.qml")));
        window = qobject_cast<QQuickWindow *>(engine->rootObjects().value(0));
        if (window) {
            frames = std::make_unique<FrameWatch>(window);
            frames->waitForFrameAfter(0, 10000);
        }
    }
    // The window goes first: its render thread reports swaps to `frames` until it is gone.
    ~AppWindow() { engine.reset(); }
    AppWindow(const AppWindow &) = delete;
    AppWindow &operator=(const AppWindow &) = delete;

    QQuickItem *currentPage() const
    {
        QQuickItem *stack = findItem(window, "stack");
        return stack ? qvariant_cast<QQuickItem *>(stack->property("currentItem")) : nullptr;
    }
};

// Frames a window draws in a second with nothing happening: should be about none.
double idleFramesPerSecond(FrameWatch &frames)
{
    waitMs(1500);
    const int before = frames.frames();
    const double cpuBefore = processCpuMs();
    waitMs(1000);
    const double cpu = processCpuMs() - cpuBefore;
    std::printf("  %-44s %d frames, %.0f ms CPU\n", "  idle for a second:", frames.frames() - before, cpu);
    return frames.frames() - before;
}

struct Opened {
    double createdMs = 0;
    double firstFrameMs = 0;
};

// Opens an engagement from the programme, as a tap on it does.
Opened openEngagement(AppWindow &app, const Engagement &engagement)
{
    Opened opened;
    const double start = nowMs();
    QMetaObject::invokeMethod(app.currentPage(), "openEngagement", Q_ARG(QString, engagement.id));
    opened.createdMs = nowMs() - start;
    const int seen = app.frames->frames(); // the first frame that can show the new page
    app.frames->waitForFrameAfter(seen, 60000);
    opened.firstFrameMs = app.frames->lastSwap() - start;
    return opened;
}

QList<Note> notesFor(const QString &engagementId, int count, QRandomGenerator &random)
{
    QList<Note> notes;
    for (int i = 0; i < count; ++i) {
        Note note;
        note.engagementId = engagementId;
        note.kind = i % 3 == 0 ? NoteKind::Statement : NoteKind::Observation;
        note.text = benchNoteText(random);
        notes << note;
    }
    return notes;
}

// Signed notes, `total` of them, spread over `engagements` in batches of 1,000.
bool addNotes(NoteStore &store, const QList<Engagement> &engagements, int total, QRandomGenerator &random)
{
    for (int done = 0; done < total;) {
        const int batch = std::min(1000, total - done);
        QList<Note> notes;
        for (int i = 0; i < batch; ++i)
            notes << notesFor(engagements.at((done + i) % engagements.size()).id, 1, random);
        if (!store.createAndSign(notes)) {
            std::fprintf(stderr, "could not add notes\n");
            return false;
        }
        done += batch;
    }
    return true;
}

bool completeOpening(VaultSession *session, const QString &engagementId)
{
    ui::ChecklistController opening;
    opening.setSession(session);
    opening.setEngagementId(engagementId);
    for (int row = 0; row < opening.rowCount(); ++row)
        if (!opening.tick(row))
            return false;
    return opening.isComplete();
}

// One fsync of a scratch file: shows whether a slow-flash shim (LD_PRELOAD) is in effect.
double fsyncMs(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_CREAT | O_WRONLY | O_TRUNC, 0600);
    if (fd < 0)
        return -1;
    (void)!::write(fd, "x", 1);
    const double start = nowMs();
    ::fsync(fd);
    const double spent = nowMs() - start;
    ::close(fd);
    QFile::remove(path);
    return spent;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    fieldnotes::ui::useFieldnotesLook();
    if (app.arguments().contains(QStringLiteral("--serve-baseline")))
        return serveBaseline();
    int keys = 60;
    int searchNotes = 100000;
    QString directory;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--keys")) keys = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--search-notes")) searchNotes = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--dir")) directory = args[i + 1];
    }
    QTemporaryDir scratch(directory.isEmpty() ? QDir::tempPath() + QStringLiteral("/fieldnotes-ui-bench-XXXXXX")
                                              : directory + QStringLiteral("/fieldnotes-ui-bench-XXXXXX"));
    std::printf("Fieldnotes UI benchmark: %d rounds of %d keystrokes at 10 a second into each field, as key events to a %s window,\n"
                "each round in turn with a bare TextArea page in a process of its own (the baseline, shown above each case)\n",
                rounds, keys, qPrintable(QGuiApplication::platformName()));
    std::printf("fsync of a scratch file: %.1f ms\n", fsyncMs(scratch.filePath(QStringLiteral("fsync-probe"))));
    std::printf("  %-44s %-17s %-17s %-17s %-24s %s\n", "", "CPU per key", "no rasteriser", "GUI thread", "key to frame p50/p95/max",
                "typed  frames per key");

    Baseline baseline;
    if (!baseline.start()) {
        std::fprintf(stderr, "could not start the baseline's process\n");
        return 1;
    }
    const auto printPaired = [](const char *label, const Paired &paired) {
        printTyping("  bare TextArea, typed in turn with it", paired.bare, paired.bare);
        printTyping(label, paired.app, paired.bare);
    };

    const QString passphrase = QStringLiteral("benchmark passphrase");
    VaultOptions options;
    options.kdf = KdfParameters::interactive();
    VaultSession session(scratch.filePath(QStringLiteral("vault")), options, false);
    if (!session.createVault(passphrase, passphrase) || !session.addDemoReview())
        return 1;
    session.setIdleTimeout(std::chrono::hours(24));
    NoteStore &store = session.vault()->store();
    const QList<Engagement> programme = *store.engagements(session.reviewId());
    const Engagement &target = programme.at(0);
    const Engagement &crowded = programme.at(1);
    const QList<Engagement> elsewhere = programme.mid(2);
    if (!completeOpening(&session, target.id) || !completeOpening(&session, crowded.id))
        return 1;
    QRandomGenerator random(20261202);
    int notes = 0;
    bool ok = true;

    const auto measureNoteEntry = [&](const char *label, const Engagement &engagement) {
        session.setOpenEngagementId({}); // each case starts on the programme, not where the last one was
        AppWindow window(&session);
        if (qEnvironmentVariableIsSet("FIELDNOTES_BENCH_IDLE")) {
            std::printf("  programme page\n");
            idleFramesPerSecond(*window.frames);
        }
        const Opened opened = openEngagement(window, engagement);
        if (qEnvironmentVariableIsSet("FIELDNOTES_BENCH_IDLE")) {
            std::printf("  engagement page\n");
            idleFramesPerSecond(*window.frames);
        }
        const auto typing = typePaired(baseline, window.window, *window.frames, findItem(window.window, "noteText"), keys);
        if (!typing) {
            ok = false;
            return;
        }
        printPaired(label, *typing);
        std::printf("  %-44s created in %.0f ms, first frame at %.0f ms\n", "  opening that engagement:", opened.createdMs, opened.firstFrameMs);
        std::fflush(stdout);
        ok = ok && typing->app.arrived == typing->app.keys && typing->bare.arrived == typing->bare.keys;
    };

    measureNoteEntry("Fieldnotes note field, demo vault", target);
    if (qEnvironmentVariableIsSet("FIELDNOTES_BENCH_IDLE"))
        return 0;
    for (const int size : {1000, 20000}) {
        if (!addNotes(store, elsewhere, size - notes, random))
            return 1;
        notes = size;
        measureNoteEntry(qPrintable(QStringLiteral("Fieldnotes note field, %L1 notes").arg(size)), target);
    }
    if (!store.createAndSign(notesFor(crowded.id, 2500, random)))
        return 1;
    notes += 2500;
    measureNoteEntry(qPrintable(QStringLiteral("  in an engagement of 2,500 (%L1 in all)").arg(notes)), crowded);

    {
        session.setRole(QStringLiteral("young-inspector"));
        session.setOpenEngagementId({}); // each case starts on the programme, not where the last one was
        AppWindow window(&session);
        QQmlProperty::write(window.currentPage(), QStringLiteral("engagementId"), target.id);
        const auto typing = typePaired(baseline, window.window, *window.frames, findItem(window.window, "saw"), keys);
        if (!typing)
            return 1;
        printPaired(qPrintable(QStringLiteral("Young Inspector form, %L1 notes").arg(notes)), *typing);
        ok = ok && typing->app.arrived == typing->app.keys;
        session.setRole(QStringLiteral("reviewer"));
    }

    if (searchNotes > notes) {
        if (!addNotes(store, elsewhere, searchNotes - notes, random))
            return 1;
        notes = searchNotes;
    }
    {
        session.setOpenEngagementId({}); // each case starts on the programme, not where the last one was
        AppWindow window(&session);
        QMetaObject::invokeMethod(findItem(window.window, "searchButton"), "clicked");
        waitMs(500);
        QObject *results = window.currentPage()->findChild<QObject *>(QStringLiteral("searchResults"));
        const QString query = QStringLiteral("attendance school");
        const auto typing = typePaired(baseline, window.window, *window.frames, findItem(window.window, "searchQuery"), int(query.size()), query, true);
        if (!typing)
            return 1;
        printPaired(qPrintable(QStringLiteral("search as you type, %L1 notes").arg(notes)), *typing);
        const double lastKey = nowMs();
        while (results && (results->property("busy").toBool() || results->property("query").toString() != query) && nowMs() - lastKey < 30000)
            waitMs(5);
        const int count = results ? results->property("count").toInt() : 0;
        std::printf("  %-44s %d hits for \"%s\" on screen %.0f ms after the last key's wait\n", "", count, qPrintable(query), nowMs() - lastKey);
        ok = ok && typing->app.arrived == typing->app.keys && count > 0;
    }
    std::printf("goal: every keystroke <= 1.5x the bare TextArea; a 2,500-note engagement opens in < 300 ms\n");
    return ok ? 0 : 1;
}
