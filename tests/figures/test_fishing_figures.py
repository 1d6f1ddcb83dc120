"""Every fishing-ban figure of the 2023 report, regenerated from the raw submissions in the published
warehouse."""

import pytest

from dagster_project.figures import matches
from tests.figures.figure_table import figures

YEAR_2023 = "FROM marts.fct_fishing_enforcement_monthly WHERE year = 2023 AND month <= 11"
JAN_SEP_2023 = "FROM marts.fct_fishing_enforcement_monthly WHERE year = 2023 AND month <= 9"
AS_OF_2023_11 = "FROM marts.fct_fishing_capacity WHERE as_of_date = DATE '2023-11-30'"
PUBLICITY_2023 = "FROM marts.fct_fishing_publicity WHERE year = 2023 AND publicised_on <= DATE '2023-11-30'"

QUERIES = {
    "fish.enforcement_staff": f"SELECT sum(enforcement_staff) {AS_OF_2023_11}",
    "fish.patrol_team_members": f"SELECT sum(patrol_team_members) {AS_OF_2023_11}",
    "fish.grid_wardens": f"SELECT sum(grid_wardens) {AS_OF_2023_11}",
    "fish.monitoring_points": f"SELECT sum(monitoring_points) {AS_OF_2023_11}",
    "fish.optical_devices": f"SELECT sum(optical_devices) {AS_OF_2023_11}",
    "fish.shared_radars": f"SELECT sum(shared_radars) {AS_OF_2023_11}",
    "fish.small_target_radars": f"SELECT sum(small_target_radars) {AS_OF_2023_11}",
    "fish.nets_removed": f"SELECT sum(nets_removed) {JAN_SEP_2023}",
    "fish.unlicensed_boats_cleared": f"SELECT sum(unlicensed_boats_cleared) {JAN_SEP_2023}",
    "fish.self_use_boats_managed": f"SELECT sum(self_use_boats_managed) {JAN_SEP_2023}",
    "fish.joint_patrols": f"SELECT sum(joint_patrols) {YEAR_2023}",
    "fish.patrol_staff_times": f"SELECT sum(staff_times) {YEAR_2023}",
    "fish.patrol_vehicle_times": f"SELECT sum(vehicle_times) {YEAR_2023}",
    "fish.patrol_boat_times": f"SELECT sum(boat_times) {YEAR_2023}",
    "fish.water_patrol_km": f"SELECT sum(water_km) {YEAR_2023}",
    "fish.admin_cases": f"SELECT sum(admin_cases) {YEAR_2023}",
    "fish.admin_cases_angling_share": (
        f"SELECT 100.0 * sum(admin_angling_cases) / sum(admin_cases) {YEAR_2023}"
    ),
    "fish.fines_total": f"SELECT sum(fines_yuan) {YEAR_2023}",
    "fish.criminal_cases": f"SELECT sum(criminal_cases) {YEAR_2023}",
    "fish.media_reports": f"SELECT sum(counted_quantity) {PUBLICITY_2023} AND channel_code = 'media_reports'",
    "fish.platform_posts": (
        f"SELECT sum(counted_quantity) {PUBLICITY_2023} AND channel_code = 'platform_posts'"
    ),
    "fish.sms_sent": (
        "SELECT sum(counted_quantity) FROM marts.fct_fishing_publicity "
        "WHERE channel_code = 'sms_sent' AND is_within_ban AND publicised_on <= DATE '2023-11-30'"
    ),
    "fish.leaflets": f"SELECT sum(counted_quantity) {PUBLICITY_2023} AND channel_code = 'leaflets'",
    "fish.public_ads": f"SELECT sum(counted_quantity) {PUBLICITY_2023} AND channel_code = 'public_ads'",
}


def test_every_fishing_figure_has_a_query():
    assert {row["code"] for row in figures("fishing")} == set(QUERIES)


@pytest.mark.parametrize("figure", figures("fishing"), ids=lambda row: row["code"])
def test_fishing_figure_is_regenerated(warehouse, figure):
    (value,) = warehouse.execute(QUERIES[figure["code"]]).fetchone()
    assert matches(value, figure["value"], figure["qualifier"], figure["quote"]), (
        f"{figure['code']}: warehouse {value} vs report {figure['value']} ({figure['qualifier']})"
    )


def test_joint_operation_duplicates_are_counted_once(warehouse):
    registered, cases = warehouse.execute(
        "SELECT sum(records_merged), count(*) FROM marts.fct_fishing_cases WHERE year = 2023 AND month <= 11"
    ).fetchone()
    assert registered > cases, "the sample registers some joint-operation cases in two districts"


def test_nets_in_metres_stay_out_of_the_net_count(warehouse):
    (metres,) = warehouse.execute(f"SELECT sum(nets_removed_length_m) {JAN_SEP_2023}").fetchone()
    assert metres > 0
