// Targets (指标值) as other departments publish them, with the 三级指标 they are printed against and
// how they must be read. Each group names the published table it was copied from (the page as
// stored by the project's search tool). Where a table prints the comparator, value and unit in
// separate columns (计算符号 | 目标值 | 度量单位), the cell text is the three joined, as an importer
// reading that layout would join them; that is said at the group.
import type { Comparator, Direction, TargetKind } from "./types";

export type Reading = {
  kind: TargetKind;
  comparator?: Comparator | null;
  value?: number | null;
  unit?: string | null;
  direction?: Direction | null;
  deadline?: string | null;
};
export type CorpusRow = [name: string, text: string, reading: Reading];
export type CorpusGroup = { department: string; source: string; rows: CorpusRow[] };

const q = (comparator: Comparator, value: number, unit: string | null, direction: Direction): Reading => ({
  kind: "quantitative",
  comparator,
  value,
  unit,
  direction,
});
/** A floor (≥, or a bare number on a higher-is-better row). */
const ge = (value: number, unit: string | null = null) => q(">=", value, unit, "higher");
/** A ceiling (≤, or a bare number on a lower-is-better row). */
const le = (value: number, unit: string | null = null) => q("<=", value, unit, "lower");
const eq = (value: number, unit: string | null = null) => q("=", value, unit, "equal");
const ql: Reading = { kind: "qualitative", comparator: null, value: null, direction: null };
const budget: Reading = { kind: "qualitative", comparator: "<=", value: null, direction: "lower" };
const by = (deadline: string | null): Reading => ({ kind: "deadline", comparator: "<=", value: null, deadline });
const unread: Reading = { kind: "unparsed" };

export const corpus: CorpusGroup[] = [
  {
    department: "岳阳县农业农村局",
    source: "http://www.yyx.gov.cn/37584/38137/content_2016103.html (高标准农田建设绩效目标申报表, 2022)",
    rows: [
      ["脱贫村村内道路硬化里程", "≥100公里", ge(100, "公里")],
      ["脱贫户供水设施数量", "≥20座", ge(20, "座")],
      ["项目(工程)验收合格率", "100%", ge(1, "%")],
      ["项目(工程)完成及时率", "≥100%", ge(1, "%")],
      ["财政资金补助", "1600元/亩", ge(1600, "元/亩")],
      ["年增粮食", "3500公斤", ge(3500, "公斤")],
      ["受益脱贫(监测)人口数", "≥500人", ge(500, "人")],
      ["解决脱贫(监测)饮水安全问题人数", "≥1000人", ge(1000, "人")],
      ["新增和改善灌溉达标面积", "≥500亩", ge(500, "亩")],
      ["新增和改善排水达标面积", "≥200亩", ge(200, "亩")],
      ["工程设计使用年限", "≥20年", ge(20, "年")],
      ["受益脱贫(监测)户满意度", "≥95%", ge(0.95, "%")],
    ],
  },
  {
    department: "同心县下马关镇人民政府",
    source: "https://www.tongxin.gov.cn/zwgk/zfxxgkml/zdxm/zdxm_54945/202309/t20230919_4273316.html (设施农业黄金蜜种植项目绩效目标, 2023)",
    rows: [
      ["黄金蜜(葡萄)种植数量", ">=17600株", ge(17600, "株")],
      ["种植作物成活率", ">=85", ge(85)],
      ["完成及时率", ">=100%", ge(1, "%")],
      ["黄金蜜(葡萄)补助成本", "≤28.40/株", le(28.4, "/株")],
      ["脱贫地区特色产业产值", "≥80万元", ge(80, "万元")],
      ["受益脱贫户、监测户人口数", "≥10户", ge(10, "户")],
      ["受益脱贫户满意度", "≥95%", ge(0.95, "%")],
    ],
  },
  {
    department: "岳阳楼区价格认证鉴定中心",
    source:
      "http://monopolymediamarketing.com/21487/21535/21748/21750/21907/content_2062100.html (整体绩效目标表 2023, a traditional-character copy of the 岳阳楼区发改局 page)",
    rows: [
      ["業務工作支出安排金額", "28.8萬元", ge(28.8, "万元")],
      ["業務工作支出到位率", "100", ge(100)],
      ["工作安排時間", "按月安排", ql],
      ["保證單位正常運轉", "應保盡保", ql],
    ],
  },
  {
    department: "鄂州市机关事务服务中心",
    source: "https://desk33.com/d-245426.html (鄂州市2022年市直部门预算项目支出绩效目标表)",
    rows: [
      ["办公大楼日常维修维护次数", "2280次", ge(2280, "次")],
      ["大楼安检巡察次数", "200次", ge(200, "次")],
      ["办公大楼日常维修维护验收合格率", ">92%", ge(0.92, "%")],
      ["重要设备维修维保验收合格率", "95%", ge(0.95, "%")],
      ["成本控制率", "不超预算", budget],
    ],
  },
  {
    department: "东莞市交通运输局",
    source:
      "https://gdyinping.com/wwwgdyinpingcom/007329896/0801/201904/fdb5a052be7e4616a3536a4af16269b8.htm (东莞市财政项目支出绩效目标批复表, 镇际联网路, 2019)",
    rows: [
      ["镇街补助款完成结算项目数", "3", ge(3)],
      ["补助款结算误差率", "±3%以内", le(0.03, "%")],
      ["结算款支付及时性", "及时", ql],
      ["年度预算执行率", "≥90%", ge(0.9, "%")],
      ["补助款结算争议率", "0%", le(0, "%")],
    ],
  },
  {
    department: "武汉市青山区教育局",
    source:
      "https://www.qingshan.gov.cn/qzfbm/zfgzbm/jyj/czxx/zxzj/ywjygz/202101/t20210105_1589009.shtml and …/czxx/zjxx/202001/t20200120_1016313.shtml (绩效目标表 2020)",
    rows: [
      ["农村义务教育学校改造覆盖率", "100%", ge(1, "%")],
      ["义务教育优质均衡发展情况", "稳步提高", ql],
      ["学生家长满意度", "≥90%", ge(0.9, "%")],
      ["重点建设工程安排数量", "2", ge(2)],
      ["建设项目成本", "参照政府采购成本控制", ql],
      ["基础教育巩固提高情况", "巩固提高", ql],
      ["基础教育学校办学条件", "持续改善", ql],
      ["学生、家长、社会满意度", "≥90%", ge(0.9, "%")],
    ],
  },
  {
    department: "浮梁县林业局",
    source: "https://fuliang.gov.cn/xzf/czxx/bmczyjs/t1081473.shtml (部门整体绩效目标; columns 计算符号 | 目标值 | 度量单位 joined)",
    rows: [
      ["保障在职职工人数(人)", "=116人", eq(116, "人")],
      ["林木采伐监管(万立方米)", "=6万立方米", eq(60000, "立方米")],
      ["野生动植物保护、防火面积(万亩)", "=320万亩", eq(3200000, "亩")],
      ["湿地保有量(公顷)", "=4900公顷", eq(4900, "公顷")],
      ["林业产业(万亩)", "=0.5万亩", eq(5000, "亩")],
      ["签订野生动物致害保险(单)", "=1单", eq(1, "单")],
      ["向各类新闻媒体完成林业新闻信息投稿数(篇)", "=30篇", eq(30, "篇")],
      ["制作宣传横幅、公益宣传牌等(年)", "=1年", eq(1, "年")],
      ["自然保护区负氧离子监测点(个)", "=4个", eq(4, "个")],
      ["工资发放准确性(%)", "≥95%", ge(0.95, "%")],
    ],
  },
  {
    department: "固原市原州区自然资源局",
    source: "http://www.yzh.gov.cn/xxgk_13314/zfxxgkml/zdxzjcygk/zdju/202203/t20220301_3340181.html (南部水源涵养林建设项目, 2022)",
    rows: [
      ["实施营造林总面积(亩)", "80000", ge(80000)],
      ["修建作业道长度(公里)", "30", ge(30)],
      ["苗木成活率(≥**%)", "85", ge(85)],
      ["项目完成时间", "2023年底", by("2023-12")],
      ["项目期", "2022年3月-2023年11月", by("2023-11")],
      ["受益人数(人)", "132", ge(132)],
    ],
  },
  {
    department: "重庆市荣昌区林业局",
    source:
      "http://www.rongchang.gov.cn/bm/qlyj/zwgk_70831/fdzdgknr_70834/ysjs/ysgk/202209/t20220907_11085882.html (项目绩效目标表 2022; columns 计量单位 | 指标性质 | 指标值 joined)",
    rows: [
      ["绿化美化公路", "=3500米", eq(3500, "米")],
      ["购买发放李子苗", "=15000株", eq(15000, "株")],
      ["树木成活率", "≥85%", ge(0.85, "%")],
    ],
  },
  {
    department: "永州市零陵区林业局",
    source: "http://admin.yzcity.gov.cn:8888/llqlinyj/gknb/202204/cd04d310d5364b2f9983a7843fb6a17d.shtml (部门整体支出绩效自评表 2021)",
    rows: [
      ["造林面积", "1.2万亩", ge(12000, "亩")],
      ["病虫害防治面积", "3.45万亩", ge(34500, "亩")],
      ["森林经营面积", "16.3万亩", ge(163000, "亩")],
      ["造林成活率", "85%", ge(0.85, "%")],
      ["当期完成", "90%", ge(0.9, "%")],
      ["造林补助", "每亩300", unread],
      ["木材销售收入", "1100万元", ge(1100, "万元")],
      ["林产品收入", "2.6亿元", ge(2.6, "亿元")],
      ["提高就业率", "显著", ql],
    ],
  },
  {
    department: "濉溪县民政局",
    source: "https://www.sxx.gov.cn/zwgk/public/811/56426371.html (临时救助绩效目标自评表 2019)",
    rows: [
      ["★★★农村低保发放人数(按月平均)(≥**人)", ">=21933人", ge(21933, "人")],
      ["★★★建档立卡贫困人口中接受临时救助的人次数(≥**人次)", ">=59人次", ge(59, "人次")],
      ["★★★特困人员救助供养人数(按月平均)(≥**人)", ">=4754人", ge(4754, "人")],
      ["★农村低保标准(≥**元/人·月)", ">=530元/人*月", ge(530, "元/人*月")],
      ["农村特困人员救助供养基本生活标准(≥**元/人·月)", ">=570元/人*月", ge(570, "元/人*月")],
      ["扶贫临时救助标准(<**元/户·年)", "<=5300元/户", le(5300, "元/户")],
      ["★★★受益建档立卡贫困人口数≥**人", ">=80人", ge(80, "人")],
    ],
  },
  {
    department: "奉节县应急管理局",
    source:
      "http://www.cqfj.gov.cn/bm_168/yjglj/zwgk_61787/zfxxgkml/jczwgk/aqscly_304286/zdlyxxgk/czzj/202509/t20250915_15008761.html (财政项目支出绩效目标审批表)",
    rows: [
      ["12350安全生产举报奖励次数", "≥5次", ge(5, "次")],
      ["制作防灾减灾日宣传资料份数", "≥500份", ge(500, "份")],
    ],
  },
  {
    department: "遂宁市安居区市场监督管理局",
    source: "https://www.scanju.gov.cn/gongkai/show/1e8c35c4e0ae4aaf81ef392897c56b63.html (食品监管补助资金区域绩效目标自评表 2021)",
    rows: [
      ["食品安全监管人员培训", "已完成", ql],
      ["违法案件查办率", "100%", ge(1, "%")],
      ["食品经营环节风险分级", "100%", ge(1, "%")],
      ["食品安全投诉举报处置率", "100%", ge(1, "%")],
      ["食品监管专项工作整体完成时间", "2021年12月31日", by("2021-12-31")],
      ["辖区内与补助资金相关的重大食品安全监管责任事故发生数", "0次", le(0, "次")],
      ["辖区内公众食品安全科普知识素养", "逐步提高", ql],
    ],
  },
  {
    department: "甘孜藏族自治州市场监督管理局",
    source: "http://gzz.gov.cn/preview-service/file_2023120414310206xlsx.html (绩效目标表; columns 指标值 | 度量单位 joined)",
    rows: [
      ["检查差旅费", "470人/天", le(470, "人/天")],
      ["培训费", "320人/天", le(320, "人/天")],
      ["召开食品安委会全体会议", "2", ge(2)],
      ["食安委成员单位食品安全工作齐抓共管", "100%", ge(1, "%")],
      ["食品安全整体状况", "高中低", ql],
      ["进一步提高食品安全工作科学化、规范化", "高中低", ql],
      ["公众对食品安全满意度", "高中低", ql],
    ],
  },
  {
    department: "六安市农业农村局",
    source: "https://nyncj.luan.gov.cn/public/6608321/10480730.html (农产品质检体系建设项目支出预算绩效目标表 2024)",
    rows: [
      ["鉴定校准实验室仪器", "≥57个", ge(57, "个")],
      ["购买标准试剂", "≥100个", ge(100, "个")],
      ["监督抽检批次", "≥100组", ge(100, "组")],
      ["农产品例行监测合格率", "≥98%", ge(0.98, "%")],
      ["农产品监督抽样合格率", "≥98%", ge(0.98, "%")],
      ["实验室仪器维修维护", "≥4次", ge(4, "次")],
      ["检测及时率", "≤7工作日", le(7, "工作日")],
    ],
  },
  {
    department: "遂宁市市场监督管理局经开区分局",
    source: "https://snjkq.suining.gov.cn/xinwen/show/10f49cb24dea41a5bf7520b914ece25f.html (2021年中央对地方专项转移支付区域绩效目标自评表)",
    rows: [
      ["指标1.药品抽验品种", "≥3", ge(3)],
      ["指标4.药品监管企业数", "≥124", ge(124)],
      ["指标7.药品监管人员人均培训学时", "≥90", ge(90)],
      ["指标1.药品抽检完成率", "100%", ge(1, "%")],
      ["指标5:药品不良反应每百万人口报告数", "≥150", ge(150)],
      ["任务完成时间", "2021年底", by("2021-12")],
      ["指标1.培训成本", "400元/人、天", le(400, "元/人、天")],
    ],
  },
  {
    department: "嘉峪关市文化和旅游局",
    source: "http://bigxun.com/view/1667741699571552258 (省级部门预算项目支出绩效目标表 2023, 博物馆纪念馆免费开放)",
    rows: [
      ["免费开放天数", "=300天", eq(300, "天")],
      ["博物馆绩效考核指标完成率", "=100百分比", eq(1, "%")],
      ["各项工作完成及时率%", "=99百分比", eq(0.99, "%")],
      ["对当地文物保护、文化传承影响", "长远", ql],
      ["提升博物馆绿化水平", "提升", ql],
      ["免费开放接待观众人数", "=30000人次", eq(30000, "人次")],
      ["历史文化传承环保意识时限", "长远", ql],
      ["服务对象满意度", "=99百分比", eq(0.99, "%")],
    ],
  },
  {
    department: "湘潭市城市管理和综合执法局",
    source:
      "http://xtcg.xiangtan.gov.cn/15068/15075/26693/content_1250928.html and …/content_1349210.html (雾炮车降尘抑尘服务项目绩效目标 2023, 2024)",
    rows: [
      ["雾炮车降尘抑尘服务配备车辆数", "10辆", ge(10, "辆")],
      ["雾炮车风炮射程", "≥80M", ge(80, "M")],
      ["雾炮车风炮射程", "80M", ge(80, "M")],
      ["服务周期内空气质量", "优良", ql],
      ["服务周期", "2023.07-2024.01", by("2024-01")],
      ["控制在预算成本内", "250万", le(2500000)],
      ["控制在预算成本内", "控制在预算内", budget],
      ["服务周期内,市民对空气质量改善的满意程度", "≥85%", ge(0.85, "%")],
      ["市民满意度", "≥90%", ge(0.9, "%")],
    ],
  },
  {
    department: "中江县水利局",
    source: "https://chacewang.com/newsdetail/news242266.html (2022年衔接资金项目绩效目标自评表, 水标尺)",
    rows: [
      ["安装坡面水标尺", "≥266米", ge(266, "米")],
      ["水标尺宽度", "≥50厘米", ge(50, "厘米")],
      ["及时(按期)开工率", "≥90%", ge(0.9, "%")],
      ["及时(按期)完工率", "≥90%", ge(0.9, "%")],
      ["项目计划总投资", "20万元", ge(20, "万元")],
      ["受益脱贫(含监测对象)户人口数", "≥1000人", ge(1000, "人")],
      ["群众生产生活条件改善状况", "显著提升", ql],
    ],
  },
  {
    department: "蒙城县卫生健康委员会",
    source: "https://www.mengcheng.gov.cn/XxgkContent/show/2601075.html (国家基本公共卫生服务项目支出绩效目标申报表 2024)",
    rows: [
      ["适龄儿童国家免疫规划疫苗接种率", "≧90%", ge(0.9, "%")],
      ["7岁以下儿童健康管理率", "≧85%", ge(0.85, "%")],
    ],
  },
  {
    department: "南县疾病预防控制中心",
    source: "http://nxjw.nanxian.gov.cn/14890/36191/36261/38621/content_2047266.html (2025年项目支出绩效目标表; columns 指标值类型 | 目标值 | 度量单位 joined)",
    rows: [
      ["疾病预防控制中心经费", "≤70万元", le(70, "万元")],
      ["实施项目对社会产生的不利影响", "减少", ql],
    ],
  },
  {
    department: "石嘴山市疾病预防控制中心",
    source: "http://www.shizuishan.gov.cn/zwgk/zfxxgkml/czyjsgk/bmys_45072/2020n/202012/t20201221_2532187.html (2020年项目绩效目标批复表)",
    rows: [
      ["疫苗提供及时率", "100%", ge(1, "%")],
      ["通过注射疫苗,可以有效降低疫苗针对传染病的发生", "40%", ge(0.4, "%")],
    ],
  },
  {
    department: "铁路沿线环境整治（某区城管）",
    source: "https://dyrmt.com/article-133731-63.html and https://dyrmt.com/article-132779-22.html (项目支出绩效自评表; columns joined)",
    rows: [
      ["安全警示标志设置及时率", "=100%", eq(1, "%")],
      ["安全隐患排查成本预算", "=6万元", eq(6, "万元")],
      ["环境治理亮化美化率", "≥90%", ge(0.9, "%")],
      ["铁路沿线环境及安全整治管理机制健全性", "优良中低差", ql],
      ["足额保障率", "=100%", eq(1, "%")],
      ["科目调整次数", "≤10次", le(10, "次")],
      ["结余率(计算方法为:结余数/预算数)", "≤5%", le(0.05, "%")],
    ],
  },
  {
    department: "襄阳市中心医院",
    source: "https://taowenge.com/d-68000429.html (2021年度财政项目绩效自评表, 东津院区建设补助)",
    rows: [
      ["成本控制", "不超过预算", budget],
      ["保证财政建设补助专款专用", "专款专用", ql],
      ["完成东津院区建设,医院东津医疗收入达到5亿元", "5亿元", ge(5, "亿元")],
    ],
  },
];
