-- 医疗废物和危险废物培训记录：1:1 对应 raw.soil_hazwaste_trainings。
{% call staging_one_to_one('raw_soil', 'soil_hazwaste_trainings') %}
training_no,
trained_on,
training_kind,
training_title,
participants,
participants_qualifier,
{% endcall %}
