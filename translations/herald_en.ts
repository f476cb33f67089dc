<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SuppressionRepository</name>
    <message numerus="yes">
        <source>Could not lift the suppression of %n address(es)</source>
        <translation>
            <numerusform>Could not lift the suppression of %n address</numerusform>
            <numerusform>Could not lift the suppression of %n addresses</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::AlertEvaluator</name>
    <message numerus="yes">
        <source>%1 % of %2 messages failed over the last %n minute(s) (alert above %3 %).</source>
        <translation>
            <numerusform>%1 % of %2 messages failed over the last %n minute (alert above %3 %).</numerusform>
            <numerusform>%1 % of %2 messages failed over the last %n minutes (alert above %3 %).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 messages waiting; the queue has not gone down for %n minute(s).</source>
        <translation>
            <numerusform>%1 messages waiting; the queue has not gone down for %n minute.</numerusform>
            <numerusform>%1 messages waiting; the queue has not gone down for %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::AudienceSection</name>
    <message numerus="yes">
        <source>%Ln recipient(s)</source>
        <translation>
            <numerusform>%Ln recipient</numerusform>
            <numerusform>%Ln recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln suppressed (on the suppression list, not sent)</source>
        <translation>
            <numerusform>%Ln suppressed (on the suppression list, not sent)</numerusform>
            <numerusform>%Ln suppressed (on the suppression list, not sent)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::AuditLogDialog</name>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n line</numerusform>
            <numerusform>%n lines</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) written to %1.</source>
        <translation>
            <numerusform>%n line written to %1.</numerusform>
            <numerusform>%n lines written to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::BulkTagDialog</name>
    <message numerus="yes">
        <source>Tags for the %Ln selected nonprofit(s), separated by commas:</source>
        <translation>
            <numerusform>Tags for the %Ln selected nonprofit, separated by commas:</numerusform>
            <numerusform>Tags for the %Ln selected nonprofits, separated by commas:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::CampaignEditorDialog</name>
    <message numerus="yes">
        <source>Send “%1” now to %Ln recipient(s)?</source>
        <translation>
            <numerusform>Send “%1” now to %Ln recipient?</numerusform>
            <numerusform>Send “%1” now to %Ln recipients?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::CampaignPanel</name>
    <message numerus="yes">
        <source>%n message(s) have an unknown outcome.</source>
        <translation>
            <numerusform>%n message has an unknown outcome.</numerusform>
            <numerusform>%n messages have an unknown outcome.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) failed</source>
        <translation>
            <numerusform>%n message failed</numerusform>
            <numerusform>%n messages failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancel “%1”? %n message(s) not sent yet will not be sent. This cannot be undone.</source>
        <translation>
            <numerusform>Cancel “%1”? %n message not sent yet will not be sent. This cannot be undone.</numerusform>
            <numerusform>Cancel “%1”? %n messages not sent yet will not be sent. This cannot be undone.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) failed (the first %1 are listed)</source>
        <translation>
            <numerusform>%n message failed (%1 listed)</numerusform>
            <numerusform>%n messages failed (the first %1 are listed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s)</source>
        <translation>
            <numerusform>%1: %n message</numerusform>
            <numerusform>%1: %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::CampaignsPage</name>
    <message numerus="yes">
        <source>%n campaign(s)</source>
        <translation>
            <numerusform>%n campaign</numerusform>
            <numerusform>%n campaigns</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::DashboardCharts</name>
    <message numerus="yes">
        <source>Alert above %1 % (over %n min)</source>
        <translation>
            <numerusform>Alert above %1 % (over %n min)</numerusform>
            <numerusform>Alert above %1 % (over %n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Failure rate over %n min</source>
        <translation>
            <numerusform>Failure rate over %n min</numerusform>
            <numerusform>Failure rate over %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::DashboardPage</name>
    <message numerus="yes">
        <source>%n message(s) sent</source>
        <translation>
            <numerusform>%n message sent</numerusform>
            <numerusform>%n messages sent</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::DashboardTiles</name>
    <message numerus="yes">
        <source>over the last %n minute(s)</source>
        <translation>
            <numerusform>over the last %n minute</numerusform>
            <numerusform>over the last %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventFlusher</name>
    <message numerus="yes">
        <source>Skipped %n line(s) of %1 that are not events (a kill cuts off the last one).</source>
        <translation>
            <numerusform>Skipped %n line of %1 that is not an event (a kill cuts off the last one).</numerusform>
            <numerusform>Skipped %n lines of %1 that are not events (a kill cuts off the last one).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventLog</name>
    <message numerus="yes">
        <source>Could not read the opens and clicks of %n message(s)</source>
        <translation>
            <numerusform>Could not read the opens and clicks of %n message</numerusform>
            <numerusform>Could not read the opens and clicks of %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementEventWriter</name>
    <message numerus="yes">
        <source>Could not record %n open(s) and click(s)</source>
        <translation>
            <numerusform>Could not record %n open or click</numerusform>
            <numerusform>Could not record %n opens and clicks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementFiguresBlock</name>
    <message numerus="yes">
        <source>%n of them known from a click only (the image was not loaded).</source>
        <translation>
            <numerusform>%n of them known from a click only (the image was not loaded).</numerusform>
            <numerusform>%n of them known from a click only (the image was not loaded).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRecipientsTab</name>
    <message numerus="yes">
        <source>%Ln recipient(s) opened or clicked</source>
        <translation>
            <numerusform>%Ln recipient opened or clicked</numerusform>
            <numerusform>%Ln recipients opened or clicked</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRetention</name>
    <message numerus="yes">
        <source>Could not remove opens and clicks older than %n month(s)</source>
        <translation>
            <numerusform>Could not remove opens and clicks older than %n month</numerusform>
            <numerusform>Could not remove opens and clicks older than %n months</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollup</name>
    <message numerus="yes">
        <source>Another process rolled up some of these %n open(s) and click(s) first; nothing was counted twice, and the next pass goes on from there</source>
        <translation>
            <numerusform>Another process rolled up %n open or click of this batch first; nothing was counted twice, and the next pass goes on from there</numerusform>
            <numerusform>Another process rolled up some of these %n opens and clicks first; nothing was counted twice, and the next pass goes on from there</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollupReader</name>
    <message numerus="yes">
        <source>Could not read the tracked links of %n campaign(s)</source>
        <translation>
            <numerusform>Could not read the tracked links of %n campaign</numerusform>
            <numerusform>Could not read the tracked links of %n campaigns</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the delivery times of %n message(s)</source>
        <translation>
            <numerusform>Could not read the delivery time of %n message</numerusform>
            <numerusform>Could not read the delivery times of %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the clicks of %n message(s) so far</source>
        <translation>
            <numerusform>Could not read the clicks of %n message so far</numerusform>
            <numerusform>Could not read the clicks of %n messages so far</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not read the clicks around %n message(s)</source>
        <translation>
            <numerusform>Could not read the clicks around %n message</numerusform>
            <numerusform>Could not read the clicks around %n messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementRollupWriter</name>
    <message numerus="yes">
        <source>Could not mark %n open(s) and click(s) as rolled up</source>
        <translation>
            <numerusform>Could not mark %n open or click as rolled up</numerusform>
            <numerusform>Could not mark %n opens and clicks as rolled up</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementSettingsPanel</name>
    <message numerus="yes">
        <source> month(s)</source>
        <comment>after the number of months raw events are kept</comment>
        <translation>
            <numerusform> month</numerusform>
            <numerusform> months</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Raw opens and clicks are kept %n month(s).</source>
        <translation>
            <numerusform>Raw opens and clicks are kept %n month.</numerusform>
            <numerusform>Raw opens and clicks are kept %n months.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::EngagementView</name>
    <message numerus="yes">
        <source>%Ln message(s) delivered</source>
        <translation>
            <numerusform>%Ln message delivered</numerusform>
            <numerusform>%Ln messages delivered</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln event(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln event to %1.</numerusform>
            <numerusform>Exported %Ln events to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::FeedbackIntakeRunner</name>
    <message numerus="yes">
        <source>Read %n message(s): </source>
        <translation>
            <numerusform>Read %n message: </numerusform>
            <numerusform>Read %n messages: </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) paused for too many complaints.</source>
        <translation>
            <numerusform>%n campaign paused for too many complaints.</numerusform>
            <numerusform>%n campaigns paused for too many complaints.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::ImagesSection</name>
    <message numerus="yes">
        <source>Every message carries the template&apos;s %n image(s): %1 KB more per message. They show without any server, but heavier messages are slower to send and more often clipped or filtered.</source>
        <translation>
            <numerusform>Every message carries the template&apos;s %n image: %1 KB more per message. It shows without any server, but heavier messages are slower to send and more often clipped or filtered.</numerusform>
            <numerusform>Every message carries the template&apos;s %n images: %1 KB more per message. They show without any server, but heavier messages are slower to send and more often clipped or filtered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::ImportDialog</name>
    <message numerus="yes">
        <source>%n column(s) separated by %1. Choose which field each column fills; columns set to “Ignore” are not read.</source>
        <translation>
            <numerusform>%n column separated by %1. Choose which field it fills; a column set to “Ignore” is not read.</numerusform>
            <numerusform>%n columns separated by %1. Choose which field each column fills; columns set to “Ignore” are not read.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::MediaLibraryDialog</name>
    <message numerus="yes">
        <source>%n image(s), %1 in all, shared by everyone using this database.</source>
        <translation>
            <numerusform>%n image, %1 in all, shared by everyone using this database.</numerusform>
            <numerusform>%n images, %1 in all, shared by everyone using this database.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Importing %n image(s)…</source>
        <translation>
            <numerusform>Importing %n image…</numerusform>
            <numerusform>Importing %n images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Import cancelled; %n image(s) imported before that.</source>
        <translation>
            <numerusform>Import cancelled; %n image imported before that.</numerusform>
            <numerusform>Import cancelled; %n images imported before that.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) imported.</source>
        <translation>
            <numerusform>%n image imported.</numerusform>
            <numerusform>%n images imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::MoveToServerDialog</name>
    <message numerus="yes">
        <source>Copying %n table(s)…</source>
        <translation>
            <numerusform>Copying %n table…</numerusform>
            <numerusform>Copying %n tables…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::NonprofitRepository</name>
    <message numerus="yes">
        <source>Could not add tags to %n nonprofit(s)</source>
        <translation>
            <numerusform>Could not add tags to %n nonprofit</numerusform>
            <numerusform>Could not add tags to %n nonprofits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not remove tags from %n nonprofit(s)</source>
        <translation>
            <numerusform>Could not remove tags from %n nonprofit</numerusform>
            <numerusform>Could not remove tags from %n nonprofits</numerusform>
        </translation>
    </message>
</context>
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
    <message numerus="yes">
        <source>Exported %Ln nonprofit(s) to %1.</source>
        <translation>
            <numerusform>Exported %Ln nonprofit to %1.</numerusform>
            <numerusform>Exported %Ln nonprofits to %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loaded %Ln sample nonprofit(s), a template, a segment and a sender. Next: open Campaigns, select “Sample campaign”, press Edit… and then Test Send… to send yourself one message (a mail provider must be set up under Settings → Mail providers first).</source>
        <translation>
            <numerusform>Loaded %Ln sample nonprofit, a template, a segment and a sender. Next: open Campaigns, select “Sample campaign”, press Edit… and then Test Send… to send yourself one message (a mail provider must be set up under Settings → Mail providers first).</numerusform>
            <numerusform>Loaded %Ln sample nonprofits, a template, a segment and a sender. Next: open Campaigns, select “Sample campaign”, press Edit… and then Test Send… to send yourself one message (a mail provider must be set up under Settings → Mail providers first).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OfflineBanner</name>
    <message numerus="yes">
        <source>Next try in %n second(s).</source>
        <translation>
            <numerusform>Next try in %n second.</numerusform>
            <numerusform>Next try in %n seconds.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server is back and your drafts are synced, except %n conflict(s) waiting for your decision.</source>
        <translation>
            <numerusform>The server is back and your drafts are synced, except %n conflict waiting for your decision.</numerusform>
            <numerusform>The server is back and your drafts are synced, except %n conflicts waiting for your decision.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) changed both here and on the server wait for your decision.</source>
        <translation>
            <numerusform>%n draft changed both here and on the server waits for your decision.</numerusform>
            <numerusform>%n drafts changed both here and on the server wait for your decision.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::OfflineController</name>
    <message numerus="yes">
        <source>%n draft(s) could not sync; the sync log says why.</source>
        <translation>
            <numerusform>%n draft could not sync; the sync log says why.</numerusform>
            <numerusform>%n drafts could not sync; the sync log says why.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n draft(s) are kept on this computer: your role may not send them to the server; the sync log says why.</source>
        <translation>
            <numerusform>%n draft is kept on this computer: your role may not send it to the server; the sync log says why.</numerusform>
            <numerusform>%n drafts are kept on this computer: your role may not send them to the server; the sync log says why.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::PostgresCopy</name>
    <message numerus="yes">
        <source>Could not load %n row(s) into %1</source>
        <translation>
            <numerusform>Could not load %n row into %1</numerusform>
            <numerusform>Could not load %n rows into %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SampleData</name>
    <message numerus="yes">
        <source>Removed the sample data: %n nonprofit(s)</source>
        <translation>
            <numerusform>Removed the sample data: %n nonprofit</numerusform>
            <numerusform>Removed the sample data: %n nonprofits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n template(s)</source>
        <translation>
            <numerusform>, %n template</numerusform>
            <numerusform>, %n templates</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n segment(s)</source>
        <translation>
            <numerusform>, %n segment</numerusform>
            <numerusform>, %n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n sender identit(y/ies)</source>
        <translation>
            <numerusform>, %n sender identity</numerusform>
            <numerusform>, %n sender identities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> and %n campaign(s).</source>
        <translation>
            <numerusform> and %n campaign.</numerusform>
            <numerusform> and %n campaigns.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Loading the sample data was cancelled after %n nonprofit(s); Help → Remove Sample Data takes them away.</source>
        <translation>
            <numerusform>Loading the sample data was cancelled after %n nonprofit; Help → Remove Sample Data takes it away.</numerusform>
            <numerusform>Loading the sample data was cancelled after %n nonprofits; Help → Remove Sample Data takes them away.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendGridTransport</name>
    <message numerus="yes">
        <source>SendGrid at %1 accepted the API key (%n permission(s), including Mail Send).</source>
        <translation>
            <numerusform>SendGrid at %1 accepted the API key (%n permission, including Mail Send).</numerusform>
            <numerusform>SendGrid at %1 accepted the API key (%n permissions, including Mail Send).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendQueue</name>
    <message numerus="yes">
        <source>Could not mark %n message(s) as being sent</source>
        <translation>
            <numerusform>Could not mark %n message as being sent</numerusform>
            <numerusform>Could not mark %n messages as being sent</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not return %n message(s) to the queue</source>
        <translation>
            <numerusform>Could not return %n message to the queue</numerusform>
            <numerusform>Could not return %n messages to the queue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not record the outcome of %n message(s)</source>
        <translation>
            <numerusform>Could not record the outcome of %n message</numerusform>
            <numerusform>Could not record the outcome of %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Could not retry %n failed message(s) of campaign #%1</source>
        <translation>
            <numerusform>Could not retry %n failed message of campaign #%1</numerusform>
            <numerusform>Could not retry %n failed messages of campaign #%1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SenderDomainsPanel</name>
    <message numerus="yes">
        <source>Asking DNS about %n domain(s)…</source>
        <translation>
            <numerusform>Asking DNS about %n domain…</numerusform>
            <numerusform>Asking DNS about %n domains…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) need attention: publish the values shown (hover a row for why).</source>
        <translation>
            <numerusform>%n record needs attention: publish the values shown (hover a row for why).</numerusform>
            <numerusform>%n records need attention: publish the values shown (hover a row for why).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendingController</name>
    <message numerus="yes">
        <source>Sending from this computer through %n provider(s).</source>
        <translation>
            <numerusform>Sending from this computer through %n provider.</numerusform>
            <numerusform>Sending from this computer through %n providers.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SendingMonitor</name>
    <message numerus="yes">
        <source>%n message(s) of unknown outcome are queued again.</source>
        <translation>
            <numerusform>%n message of unknown outcome is queued again.</numerusform>
            <numerusform>%n messages of unknown outcome are queued again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) of unknown outcome are counted as sent.</source>
        <translation>
            <numerusform>%n message of unknown outcome is counted as sent.</numerusform>
            <numerusform>%n messages of unknown outcome are counted as sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed message(s) are queued again.</source>
        <translation>
            <numerusform>%n failed message is queued again.</numerusform>
            <numerusform>%n failed messages are queued again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SmtpTransport</name>
    <message numerus="yes">
        <source>no reply within %n second(s)</source>
        <translation>
            <numerusform>no reply within %n second</numerusform>
            <numerusform>no reply within %n seconds</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SuppressionsPage</name>
    <message numerus="yes">
        <source>%Ln suppressed address(es)</source>
        <translation>
            <numerusform>%Ln suppressed address</numerusform>
            <numerusform>%Ln suppressed addresses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es)</source>
        <translation>
            <numerusform>%Ln match</numerusform>
            <numerusform>%Ln matches</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Lift the suppression of %Ln address(es)? Herald will mail them again in every campaign whose audience includes them.</source>
        <translation>
            <numerusform>Lift the suppression of %Ln address? Herald will mail it again in every campaign whose audience includes it.</numerusform>
            <numerusform>Lift the suppression of %Ln addresses? Herald will mail them again in every campaign whose audience includes them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln of them stand(s) for erased addresses. Herald keeps only their anonymised form so that a person who asked to be forgotten is never mailed again; without it, importing the address again would make it mailable.</source>
        <translation>
            <numerusform>%Ln of them stands for an erased address. Herald keeps only its anonymised form so that a person who asked to be forgotten is never mailed again; without it, importing the address again would make it mailable.</numerusform>
            <numerusform>%Ln of them stand for erased addresses. Herald keeps only their anonymised form so that a person who asked to be forgotten is never mailed again; without it, importing the address again would make it mailable.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln address(es) can be mailed again.</source>
        <translation>
            <numerusform>%Ln address can be mailed again.</numerusform>
            <numerusform>%Ln addresses can be mailed again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %Ln address(es) to %1.</source>
        <translation>
            <numerusform>Exported %Ln address to %1.</numerusform>
            <numerusform>Exported %Ln addresses to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::SyncLogDialog</name>
    <message numerus="yes">
        <source>%n conflict(s) wait for your decision; they open after the next sync.</source>
        <translation>
            <numerusform>%n conflict waits for your decision; it opens after the next sync.</numerusform>
            <numerusform>%n conflicts wait for your decision; they open after the next sync.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::TemplateEditor</name>
    <message numerus="yes">
        <source>%n error(s) to fix before saving</source>
        <translation>
            <numerusform>%n error to fix before saving</numerusform>
            <numerusform>%n errors to fix before saving</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n warning(s)</source>
        <translation>
            <numerusform>, %n warning</numerusform>
            <numerusform>, %n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s):</source>
        <translation>
            <numerusform>%n warning:</numerusform>
            <numerusform>%n warnings:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::TemplatePreview</name>
    <message numerus="yes">
        <source>%n remote resource(s) not loaded: previews never reach the network.</source>
        <translation>
            <numerusform>%n remote resource not loaded: previews never reach the network.</numerusform>
            <numerusform>%n remote resources not loaded: previews never reach the network.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::TemplateSaver</name>
    <message numerus="yes">
        <source>Template &apos;%1&apos; was not saved: it has %n error(s).</source>
        <translation>
            <numerusform>Template &apos;%1&apos; was not saved: it has %n error.</numerusform>
            <numerusform>Template &apos;%1&apos; was not saved: it has %n errors.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::TemplatesPage</name>
    <message numerus="yes">
        <source>Not saved: the template has %n error(s), listed above. Activate one to go to it.</source>
        <translation>
            <numerusform>Not saved: the template has %n error, listed above. Activate it to go to it.</numerusform>
            <numerusform>Not saved: the template has %n errors, listed above. Activate one to go to it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete template &apos;%1&apos; with its %n saved version(s)? This cannot be undone.</source>
        <translation>
            <numerusform>Delete template &apos;%1&apos; with its %n saved version? This cannot be undone.</numerusform>
            <numerusform>Delete template &apos;%1&apos; with its %n saved versions? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::TrackingSection</name>
    <message numerus="yes">
        <source>Per recipient for %1 of %Ln recipient(s) (consent given); anonymous for the others.</source>
        <translation>
            <numerusform>Per recipient for %1 of %Ln recipient (consent given); anonymous for the others.</numerusform>
            <numerusform>Per recipient for %1 of %Ln recipients (consent given); anonymous for the others.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::cli::CampaignQueueing</name>
    <message numerus="yes">
        <source>Campaign &apos;%1&apos; was queued already (%n message(s), now %2); nothing was queued again.</source>
        <translation>
            <numerusform>Campaign &apos;%1&apos; was queued already (%n message, now %2); nothing was queued again.</numerusform>
            <numerusform>Campaign &apos;%1&apos; was queued already (%n messages, now %2); nothing was queued again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Queued %n message(s) for &apos;%1&apos;</source>
        <translation>
            <numerusform>Queued %n message for &apos;%1&apos;</numerusform>
            <numerusform>Queued %n messages for &apos;%1&apos;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n suppressed address(es) left out.</source>
        <translation>
            <numerusform>; %n suppressed address left out.</numerusform>
            <numerusform>; %n suppressed addresses left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::cli::ServeCommand</name>
    <message numerus="yes">
        <source>Stopped after %n request(s); %1 open(s) and click(s) written.</source>
        <translation>
            <numerusform>Stopped after %n request; %1 opens and clicks written.</numerusform>
            <numerusform>Stopped after %n requests; %1 opens and clicks written.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n open(s) and click(s) were not recorded: the spool %1 was full.</source>
        <translation>
            <numerusform>%n open or click was not recorded: the spool %1 was full.</numerusform>
            <numerusform>%n opens and clicks were not recorded: the spool %1 was full.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::cli::StatsReport</name>
    <message numerus="yes">
        <source>Failure rate: %1 % over the range, %2 % over the last %n minute(s)</source>
        <translation>
            <numerusform>Failure rate: %1 % over the range, %2 % over the last %n minute</numerusform>
            <numerusform>Failure rate: %1 % over the range, %2 % over the last %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>herald::cli::SyncCommand</name>
    <message numerus="yes">
        <source>%1: %n row(s)</source>
        <translation>
            <numerusform>%1: %n row</numerusform>
            <numerusform>%1: %n rows</numerusform>
        </translation>
    </message>
</context>
</TS>
