-- Districts (docs/city.md): a grant carries the household's district only when the household chose to
-- share it for that purpose; an aggregate carries the district of the grant it was accepted under, NULL
-- otherwise. Both NULL for everything stored before.
ALTER TABLE consent_grant ADD COLUMN district text;
ALTER TABLE aggregate ADD COLUMN district text;
