-- Notice kinds carry provider message ids ("reply-<id>"), which can be longer than 64.
alter table rep_notice alter column kind type varchar(200);
