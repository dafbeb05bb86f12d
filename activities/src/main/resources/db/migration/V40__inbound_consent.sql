-- A person who called or texted the team's number first: the call or text is the evidence.
alter table consent drop constraint consent_method_check;
alter table consent add constraint consent_method_check
    check (method in ('CHECKBOX', 'VERBAL', 'WRITTEN', 'KEYWORD', 'VOUCHED', 'INBOUND'));
