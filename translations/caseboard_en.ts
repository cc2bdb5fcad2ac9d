<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>cb::CaseFile</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n row</numerusform>
            <numerusform>%n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::demo::DemoGenerator</name>
    <message numerus="yes">
        <source>%1 already has %n case(s): the demo unit is only generated into a case file without cases.</source>
        <translation>
            <numerusform>%1 already has %n case: the demo unit is only generated into a case file without cases.</numerusform>
            <numerusform>%1 already has %n cases: the demo unit is only generated into a case file without cases.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::AccountsDialog</name>
    <message numerus="yes">
        <source>active, %n failed sign-in(s) since the last sign-in</source>
        <translation>
            <numerusform>active, %n failed sign-in since the last sign-in</numerusform>
            <numerusform>active, %n failed sign-ins since the last sign-in</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::CaseListView</name>
    <message numerus="yes">
        <source>%1 of %n cases</source>
        <translation>
            <numerusform>%1 of %n case</numerusform>
            <numerusform>%1 of %n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n cases</source>
        <translation>
            <numerusform>%n case</numerusform>
            <numerusform>%n cases</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cb::ui::RelativeTime</name>
    <message numerus="yes">
        <source>%n days ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n weeks ago</source>
        <translation>
            <numerusform>%n week ago</numerusform>
            <numerusform>%n weeks ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n months ago</source>
        <translation>
            <numerusform>%n month ago</numerusform>
            <numerusform>%n months ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n years ago</source>
        <translation>
            <numerusform>%n year ago</numerusform>
            <numerusform>%n years ago</numerusform>
        </translation>
    </message>
</context>
</TS>
