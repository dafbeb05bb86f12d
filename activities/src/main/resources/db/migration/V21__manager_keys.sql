-- A MANAGER key sees its team's leads (the reps whose manager_id is its rep id), so like a REP key
-- it must name a rep. NOT VALID: the rule holds for every key from now on without rewriting old
-- rows; a manager key made before it without a rep id sees no lead until it is replaced.
alter table api_key drop constraint rep_key_names_rep;
alter table api_key
    add constraint keys_acting_for_a_rep_name_it check (role not in ('REP', 'MANAGER') or rep_id is not null) not valid;

-- Managers list their team's leads by the reps who report to them.
create index rep_manager_idx on rep (manager_id);
