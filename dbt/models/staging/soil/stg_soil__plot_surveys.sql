-- 建设用地土壤污染状况调查地块台账：1:1 对应 raw.soil_plot_surveys。
{% call staging_one_to_one('raw_soil', 'soil_plot_surveys') %}
plot_code,
plot_name,
district,
area_m2,
planned_land_use,
survey_stage,
started_on,
report_completed_on,
reviewed_on,
risk_result,
{% endcall %}
