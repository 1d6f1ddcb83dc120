-- How much a cumulative figure fell from its unit's previous period (0 in the unit's first period).
-- A year-to-date sum or a running count never falls, so a suite expects this to be at most 0.
-- unit: what the figure accumulates within, e.g. (district, year) for a year-to-date figure;
-- period: the order of the periods.
create or replace temp macro cumulative_drop(value, unit, period) as
    coalesce(lag(value) over (partition by unit order by period) - value, 0);
