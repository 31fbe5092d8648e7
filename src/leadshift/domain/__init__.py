"""What a ledger is and the rules for changing it: pure, no files, no clock, no terminal.

terms      the fixed vocabularies (activities, kinds of no, stages, weekdays)
schema     what every ledger file shares: strict validation, field types, the schema version
book       ledger.toml: the profile, teammates, clients, saved handoffs, action items and obstacles
promises   what you owe your people: action items from 1:1s and obstacles they raised, open until done
promise_changes  the rules for opening and closing them: new ids, ids by prefix, teammates on the team
records    a month file's records, and the Month that holds them
ledger     the book and the months loaded, as one object
dates      calendar dates, weeks and month keys
wording    numbers and counts as the reports write them; verdicts on figures as written
changes    the rules for changing a ledger: keys, the team, the clients, records
client_work what client hours were for (delivery, relationship, new business), and teammates pulled onto yours
cadence    when each teammate's next 1:1 falls due
calendar_rules what `log --calendar` reads in the ledger: addresses, keyword rules, remembered answers
changelog  what a change did, in one line, for undo and redo
merging    three versions of one ledger file made one, by record id and by key (git's merge driver)
"""
