-- The chain's working set (every entry that is not a review, and each case's last review) read without
-- touching the team's other reviews (README "PostgreSQL"; issue 19's bench). A team of 1,250 cases has
-- some 12,500 entries, almost all reviews: reading its working set used to visit every one of them (to
-- test its kind) and probe the reviews index once for each. Entries that are not reviews now have an
-- index of their own, and each case's last review comes from the reviews index alone.
CREATE INDEX fortnight_chain_others ON fortnight_chain (team_id, seq) WHERE kind <> 'review';
