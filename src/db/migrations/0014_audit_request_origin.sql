-- Where a change came from: the address and the browser (user agent, cut to 200 characters) of
-- the request that made it. Empty for entries from before, and for changes no request made.
ALTER TABLE audit_events ADD COLUMN ip text, ADD COLUMN user_agent text;
