pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Fieldnotes

// The team leader's desk: connect the review to the team's archive, invite tablets with a QR
// code, approve the ones that asked, and collect and check what they sent; then read everything
// collected (concerns first), make findings on it and see them triangulated across sources;
// issue the report, record the consultation and hand over the evidence.
Page {
    id: page
    background: PageBackground { page: page }
    required property VaultSession session
    title: qsTr("Team leader")

    LeaderController { id: desk; session: page.session }
    DeskController { id: evidenceDesk; session: page.session }
    property string priorityId: evidenceDesk.priorities.length > 0 ? evidenceDesk.priorities[0].id : ""
    // A tablet that asked to be deputy leads nothing until the roster enters it: nothing to connect.
    readonly property bool deputyWaiting: !desk.leads && page.session.role === "deputy-leader"

    header: FittingTabBar {
        id: tabs
        visible: desk.leads
        FittingTabButton { text: qsTr("Collect"); Accessible.name: qsTr("Collect tab") }
        FittingTabButton {
            text: notesPane.awaitingFollowUp > 0 ? qsTr("Evidence ⚠ %1").arg(notesPane.awaitingFollowUp) : qsTr("Evidence")
            Accessible.name: qsTr("Evidence tab")
        }
        FittingTabButton { text: qsTr("Findings"); Accessible.name: qsTr("Findings tab") }
        FittingTabButton { text: qsTr("Triangulation"); Accessible.name: qsTr("Triangulation tab") }
        FittingTabButton { text: qsTr("Report"); Accessible.name: qsTr("Report tab") }
    }

    NoteDetailsDialog { id: noteDetails; session: page.session; desk: evidenceDesk }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 8

        ComboBox {
            visible: tabs.currentIndex === 2 || tabs.currentIndex === 3
            model: evidenceDesk.priorities
            textRole: "title"
            valueRole: "id"
            currentIndex: Math.max(0, indexOfValue(page.priorityId))
            Layout.fillWidth: true
            Accessible.name: qsTr("Priority")
            onActivated: page.priorityId = currentValue
        }

        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            Layout.fillHeight: true

    ScrollView {
        id: scroller
        contentWidth: availableWidth
        ScrollBar.horizontal.policy: ScrollBar.AlwaysOff // its strip would take taps meant for the last row

        // A new invitation is scrolled into view whole: it is shown to be scanned, not found.
        // (Once the column has laid it out and its warning, if any, above it: hence the timer.)
        Connections {
            target: desk
            function onInviteChanged() { showInvitation.restart() }
        }
        Timer {
            id: showInvitation
            interval: 100
            onTriggered: {
                const flick = scroller.contentItem as Flickable
                const bottom = inviteQr.y + inviteQr.height + 12
                if (flick && bottom > flick.contentY + scroller.height)
                    flick.contentY = Math.min(bottom - scroller.height, Math.max(0, flick.contentHeight - scroller.height))
            }
        }

        Column {
            width: scroller.availableWidth
            spacing: 12

            Label {
                visible: page.deputyWaiting
                width: parent.width
                wrapMode: Label.Wrap
                text: qsTr("This tablet asked to be the review's deputy team leader. Once the team leader approves it, send notes (which also fetches the roster) and this page leads the review with them.")
            }

            Label {
                visible: !desk.leads && !page.deputyWaiting
                width: parent.width
                wrapMode: Label.Wrap
                text: qsTr("Connect this review to the team's archive. Its address and certificate fingerprint are printed by fieldnotes-archive when it starts; the one-time review-creation code comes from the archive's operator (fieldnotes-archive review-code).")
            }
            TextField {
                id: archiveField
                visible: !desk.leads && !page.deputyWaiting
                width: parent.width
                placeholderText: qsTr("Archive address, e.g. https://10.0.0.2:8443")
                inputMethodHints: Qt.ImhUrlCharactersOnly | Qt.ImhNoPredictiveText
                implicitHeight: 48
                Accessible.name: qsTr("Archive address")
            }
            TextField {
                id: fingerprintField
                visible: !desk.leads && !page.deputyWaiting
                width: parent.width
                placeholderText: qsTr("Certificate fingerprint (64 hex characters)")
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                implicitHeight: 48
                Accessible.name: qsTr("Certificate fingerprint")
            }
            TextField {
                id: creationCodeField
                visible: !desk.leads && !page.deputyWaiting
                width: parent.width
                placeholderText: qsTr("Review-creation code from the archive's operator (fnr1-…)")
                inputMethodHints: Qt.ImhNoPredictiveText | Qt.ImhNoAutoUppercase
                implicitHeight: 48
                Accessible.name: qsTr("Review-creation code")
            }
            Button {
                visible: !desk.leads && !page.deputyWaiting
                text: qsTr("Connect")
                enabled: archiveField.text.trim() !== ""
                implicitHeight: 48
                Accessible.name: qsTr("Connect the review to the archive")
                onClicked: desk.connectArchive(archiveField.text, fingerprintField.text, creationCodeField.text)
            }

            Label {
                visible: desk.connectionStatus !== ""
                width: parent.width
                wrapMode: Label.Wrap
                text: desk.connectionStatus
            }
            // The review's keys live only on this tablet until a kit exists: no tablet is invited before.
            Label { visible: desk.leads && !desk.deputy; text: qsTr("Recovery kit"); font.pixelSize: 22; font.bold: true }
            Label {
                visible: desk.leads && !desk.deputy
                width: parent.width
                wrapMode: Label.Wrap
                text: desk.recoveryKitMadeAt === ""
                      ? qsTr("Before inviting anyone, make the review's recovery kit: its keys sealed under a recovery passphrase of their own (at least 12 characters, not this vault's). Print its page or copy its file, and keep it and the passphrase apart from this tablet. If the tablet is lost, the kit restores the review on a new one.")
                      : qsTr("Recovery kit made %1. Keep it, and its passphrase, apart from this tablet.").arg(desk.recoveryKitMadeAt)
            }
            PassphraseField {
                id: recoveryField
                property bool anotherKit: false
                visible: desk.leads && !desk.deputy && (desk.recoveryKitMadeAt === "" || anotherKit)
                width: Math.min(parent.width, 560)
                placeholderText: qsTr("Recovery passphrase")
                Accessible.name: qsTr("Recovery passphrase")
            }
            PassphraseField {
                id: recoveryRepeatField
                visible: recoveryField.visible
                width: recoveryField.width
                placeholderText: qsTr("The recovery passphrase again")
                Accessible.name: qsTr("Recovery passphrase again")
            }
            FieldButton {
                visible: desk.leads && !desk.deputy
                highlighted: desk.recoveryKitMadeAt === ""
                enabled: !desk.makingRecoveryKit && (!recoveryField.visible || recoveryField.text.length >= 12)
                text: desk.makingRecoveryKit ? qsTr("Sealing the kit…")
                      : desk.recoveryKitMadeAt === "" ? qsTr("Make the recovery kit") : qsTr("Make another recovery kit")
                implicitHeight: 48
                Accessible.name: qsTr("Make the recovery kit")
                onClicked: {
                    if (!recoveryField.visible) {
                        recoveryField.anotherKit = true
                        return
                    }
                    if (desk.makeRecoveryKit(recoveryField.text, recoveryRepeatField.text)) {
                        recoveryField.text = ""
                        recoveryRepeatField.text = ""
                        recoveryField.anotherKit = false
                    }
                }
            }
            Label {
                visible: desk.recoveryKitFile !== ""
                width: parent.width
                wrapMode: Label.WrapAnywhere
                text: qsTr("Written: %1 and its printable page %2").arg(desk.recoveryKitFile).arg(desk.recoveryKitPage)
                Accessible.name: qsTr("Where the recovery kit was written")
            }

            Label { visible: desk.leads; text: qsTr("Invite a tablet"); font.pixelSize: 22; font.bold: true }
            Button {
                visible: desk.leads
                enabled: desk.recoveryKitMadeAt !== "" || desk.deputy
                text: desk.recoveryKitMadeAt === "" && !desk.deputy ? qsTr("New invitation (make the recovery kit first)") : qsTr("New invitation (valid 3 days)")
                implicitHeight: 48
                Accessible.name: qsTr("Make a new invitation")
                onClicked: desk.invite(72, false)
            }
            // A second person who can collect, approve and revoke, so the review does not rest on one tablet.
            Button {
                visible: desk.leads && !desk.deputy
                enabled: desk.recoveryKitMadeAt !== ""
                text: qsTr("Invitation for a deputy team leader")
                implicitHeight: 48
                Accessible.name: qsTr("Make an invitation for a deputy team leader")
                onClicked: desk.invite(72, true)
            }
            Label {
                visible: desk.inviteQrCode !== "" && desk.inviteForDeputy
                width: parent.width
                wrapMode: Label.Wrap
                font.bold: true
                text: qsTr("This invitation makes the tablet that joins with it the review's deputy team leader: it will collect notes and approve and revoke tablets. Give it only to that person.")
            }
            Image {
                id: inviteQr
                visible: desk.inviteQrCode !== ""
                source: desk.inviteQrCode
                width: Math.min(parent.width, 480) // about 6 px a module: big enough for a tablet's camera
                height: width
                fillMode: Image.PreserveAspectFit
                smooth: false
                Accessible.name: qsTr("Invitation QR code")
            }
            TextArea {
                visible: desk.inviteCode !== ""
                width: parent.width
                readOnly: true
                selectByMouse: true
                wrapMode: TextArea.WrapAnywhere
                text: desk.inviteCode
                Accessible.name: qsTr("Invitation code")
            }

            Label { visible: desk.leads; text: qsTr("Tablets waiting to join"); font.pixelSize: 22; font.bold: true }
            Label {
                visible: desk.leads && desk.pendingTablets.length === 0
                text: qsTr("No tablet is waiting (press Check again after a tablet joins).")
                opacity: 0.75
                width: parent.width
                wrapMode: Label.Wrap
            }
            Repeater {
                model: desk.pendingTablets
                delegate: RowLayout {
                    id: waiting
                    required property var modelData
                    width: scroller.availableWidth
                    Label {
                        text: waiting.modelData.problem === ""
                              ? qsTr("%1, %2").arg(waiting.modelData.name).arg(waiting.modelData.roleLabel)
                              : qsTr("Not approved: %1, %2 — %3").arg(waiting.modelData.name).arg(waiting.modelData.roleLabel)
                                    .arg(waiting.modelData.problem)
                        wrapMode: Label.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        visible: waiting.modelData.problem === ""
                        text: qsTr("Turn away")
                        flat: true
                        implicitHeight: 48
                        Accessible.name: qsTr("Turn away %1").arg(waiting.modelData.name)
                        onClicked: desk.reject(waiting.modelData.key)
                    }
                    FieldButton {
                        visible: waiting.modelData.problem === ""
                        text: qsTr("Approve")
                        highlighted: true
                        implicitHeight: 48
                        Accessible.name: qsTr("Approve %1").arg(waiting.modelData.name)
                        onClicked: desk.approve(waiting.modelData.key)
                    }
                }
            }
            Row {
                visible: desk.leads
                spacing: 8
                Button {
                    text: qsTr("Check again")
                    implicitHeight: 48
                    Accessible.name: qsTr("Check for tablets waiting")
                    onClicked: desk.refreshPending()
                }
                Button {
                    text: qsTr("Approve all")
                    enabled: desk.approvableTablets > 0
                    implicitHeight: 48
                    Accessible.name: qsTr("Approve every waiting tablet")
                    onClicked: desk.approveAll()
                }
            }

            Label { visible: desk.leads && desk.enrolledTablets.length > 0; text: qsTr("Tablets in the review"); font.pixelSize: 22; font.bold: true }
            Repeater {
                model: desk.enrolledTablets
                delegate: RowLayout {
                    id: member
                    required property var modelData
                    width: scroller.availableWidth
                    Label {
                        text: member.modelData.revoked ? qsTr("%1, %2 — removed").arg(member.modelData.name).arg(member.modelData.roleLabel)
                                                       : qsTr("%1, %2").arg(member.modelData.name).arg(member.modelData.roleLabel)
                        opacity: member.modelData.revoked ? 0.6 : 1
                        wrapMode: Label.Wrap
                        Layout.fillWidth: true
                    }
                    Button {
                        id: removeButton
                        visible: !member.modelData.revoked
                        property bool confirming: false
                        text: confirming ? qsTr("Remove it: it can send nothing more") : qsTr("Remove")
                        flat: !confirming
                        highlighted: confirming
                        implicitHeight: 48
                        Accessible.name: confirming ? qsTr("Confirm removing %1").arg(member.modelData.name)
                                                    : qsTr("Remove %1 from the review").arg(member.modelData.name)
                        onClicked: confirming ? desk.revoke(member.modelData.key) : (confirming = true)
                    }
                }
            }

            Label { visible: desk.leads; text: qsTr("Collect notes"); font.pixelSize: 22; font.bold: true }
            Button {
                visible: desk.leads
                text: qsTr("Collect and check")
                implicitHeight: 48
                Accessible.name: qsTr("Collect and check the tablets' notes")
                onClicked: desk.collect()
            }
            Repeater {
                model: desk.collectionReport
                delegate: Label {
                    required property string modelData
                    width: scroller.availableWidth
                    wrapMode: Label.Wrap
                    text: modelData
                }
            }

            Label { visible: desk.leads; text: qsTr("Collected notes on tablets"); font.pixelSize: 22; font.bold: true }
            Label {
                visible: desk.leads
                width: scroller.availableWidth
                wrapMode: Label.Wrap
                text: qsTr("Once you hold a note, a tablet can remove its text. It keeps the note's signature and place, "
                           + "so its record still checks. Tablets learn the choice at their next sync.")
            }
            ComboBox {
                id: retentionChoice
                visible: desk.leads
                implicitHeight: 48
                implicitWidth: Math.min(scroller.availableWidth, 420)
                model: desk.retentionChoices
                textRole: "text"
                valueRole: "value"
                currentIndex: indexOfValue(desk.retentionDays)
                Accessible.name: qsTr("How long tablets keep collected notes")
                // Removing text from the tablets is asked first, with what it means.
                onActivated: {
                    if (currentValue < 0) {
                        if (!desk.setRetentionDays(currentValue))
                            currentIndex = indexOfValue(desk.retentionDays)
                    } else {
                        retentionConfirm.days = currentValue
                        retentionConfirm.label = currentText
                        currentIndex = indexOfValue(desk.retentionDays)
                    }
                }
            }
            Frame {
                id: retentionConfirm
                property int days: -1
                property string label: ""
                visible: days >= 0
                width: scroller.availableWidth
                Column {
                    width: parent.width
                    spacing: 8
                    Label {
                        width: parent.width
                        wrapMode: Label.Wrap
                        text: qsTr("%1? Each tablet then deletes the text of a note you have collected; you keep it, signed, "
                                   + "and the tablet keeps only its signature and place in the record. It cannot be undone on the tablets.")
                                  .arg(retentionConfirm.label)
                    }
                    Row {
                        spacing: 8
                        Button { text: qsTr("Keep the text on the tablets"); flat: true; onClicked: retentionConfirm.days = -1 }
                        FieldButton {
                            text: qsTr("Yes, remove it")
                            objectName: "confirmRetention"
                            highlighted: true
                            onClicked: {
                                desk.setRetentionDays(retentionConfirm.days)
                                retentionConfirm.days = -1
                            }
                        }
                    }
                }
            }
        }
    }

            DeskNotesPane {
                id: notesPane
                objectName: "deskNotesPane"
                session: page.session
                desk: evidenceDesk
                onOpenNote: note => noteDetails.show(note)
            }
            FindingsPane { session: page.session; desk: evidenceDesk; priorityId: page.priorityId }
            TriangulationPane { session: page.session; desk: evidenceDesk; priorityId: page.priorityId }
            ReportPane { session: page.session }
        }
    }
}
