-- 饮用水水源地月度监测结果的长表：raw.water_drinking_monthly 每个样品 × 每个报送了的表1、表2项目一行。
-- 浓度统一换算为 mg/L（convert_unit）；低于检出限（<0.01、0.01L、ND、未检出）只作标记，参与均值的取值在 intermediate 层（water_value_for_mean）。
with

source as (

    select * from {{ source('raw_water', 'water_drinking_monthly') }}

),

long as (

    {{ staging_water_samples(
        'source', 'source_code', water_table1_parameters() + water_table2_parameters()
    ) }}

),

final as (

    select * from long

)

select * from final
