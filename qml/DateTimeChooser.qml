import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// A start time chosen with controls rather than typed: the day from a list of the weeks around
// it, the hour and the minute with spin boxes. Nothing that is not a time can be chosen.
GridLayout {
    id: chooser
    property string accessibleName: qsTr("Start")
    // The chosen moment, in local time.
    readonly property date value: {
        const day = days[Math.max(0, dayBox.currentIndex)]
        return day ? new Date(day.getFullYear(), day.getMonth(), day.getDate(), hourBox.value, minuteBox.value) : new Date()
    }
    property var days: []

    // Shows `moment` and offers the three weeks before and after it.
    function show(moment) {
        const start = new Date(moment.getFullYear(), moment.getMonth(), moment.getDate())
        const list = []
        for (let offset = -21; offset <= 21; ++offset)
            list.push(new Date(start.getFullYear(), start.getMonth(), start.getDate() + offset))
        days = list
        dayBox.currentIndex = 21
        hourBox.value = moment.getHours()
        minuteBox.value = moment.getMinutes()
    }

    // Side by side where there is room, the time under the day where there is not.
    columns: width >= 620 ? 2 : 1
    columnSpacing: 8
    ComboBox {
        id: dayBox
        objectName: "dayChoice"
        model: chooser.days.map(day => Qt.formatDate(day, "ddd d MMM yyyy"))
        Layout.fillWidth: true
        Layout.minimumWidth: 230
        Accessible.name: qsTr("%1: day").arg(chooser.accessibleName)
    }
    RowLayout {
        spacing: 8
        SpinBox {
            id: hourBox
            objectName: "hourChoice"
            from: 0
            to: 23
            editable: true
            wrap: true
            textFromValue: value => (value < 10 ? "0" : "") + value
            Accessible.name: qsTr("%1: hour").arg(chooser.accessibleName)
        }
        Label { text: ":" }
        SpinBox {
            id: minuteBox
            objectName: "minuteChoice"
            from: 0
            to: 59
            stepSize: 5
            editable: true
            wrap: true
            textFromValue: value => (value < 10 ? "0" : "") + value
            Accessible.name: qsTr("%1: minute").arg(chooser.accessibleName)
        }
    }
}
