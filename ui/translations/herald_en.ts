<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>herald::NonprofitsPage</name>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln nonprofit(s)</source>
        <translation>
            <numerusform>%Ln nonprofit</numerusform>
            <numerusform>%Ln nonprofits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %Ln nonprofit(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete %Ln nonprofit? This cannot be undone.</numerusform>
            <numerusform>Delete %Ln nonprofits? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
</TS>
