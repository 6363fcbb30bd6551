import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { type GuidelineView, type Req, type Res } from '../../../types';
import { safeFilename } from '../../core/csv';
import { AppError } from '../../core/errors';
import { canManageStreet } from '../../core/policy';
import type { SignedInCtx } from '../../router/define';
import { guidelineView } from './content';

const STATUS: Record<GuidelineView['circles'][number]['status'], string> = {
  planned: '规划中',
  building: '建设中',
  built: '已建成',
};
const percent = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

const h = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_2, spacing: { before: 240 } });
const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const li = (text: string) => new Paragraph({ text, bullet: { level: 0 } });

/** The paragraphs of a 一街一则, in the order the page shows them. */
export function guidelineParagraphs(g: GuidelineView): Paragraph[] {
  const f = g.figure;
  return [
    new Paragraph({
      text: `${g.streetName}社区商业生活服务业建设导则（一街一则）`,
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
    }),
    p(`生成日期：${g.date}\u3000第 ${g.version} 版`),
    h('一、便利性指数'),
    p(
      `${g.streetName}便利性指数 ${percent(f.index)}：${f.located} 个已定位社区中 ${f.served} 个步行 10 分钟内八类基本业态齐全` +
        (f.unlocated ? `（另有 ${f.unlocated} 个社区位置待补充，未计入）` : ''),
    ),
    h('二、社区与生活圈'),
    ...g.communities.map((c) =>
      li(`${c.name}：${!c.located ? '位置待补充' : c.missing.length ? `缺 ${c.missing.join('、')}` : '八类齐全'}`),
    ),
    ...g.circles.map((c) => li(`${c.name}（${STATUS[c.status]}，${c.members} 个社区，指数 ${percent(c.index)}）`)),
    h('三、缺项与选址建议'),
    ...(g.gaps.length
      ? g.gaps.flatMap((x) => [
          li(`${x.name}：${x.communities} 个社区缺少`),
          ...x.suggestions.map((s) => p(`\u3000建议：${s}`)),
        ])
      : [p('八类基本业态均已覆盖全部已定位社区。')]),
    h('四、居民诉求'),
    ...(g.topDemand.length ? g.topDemand.map((d) => li(`${d.name}：${d.count} 条`)) : [p('暂无居民诉求。')]),
    h('五、推荐业态'),
    ...g.recommended.flatMap((r) => [p(r.title), ...r.items.map(li)]),
    h('六、示范网点与示范生活圈'),
    ...(g.featured.length
      ? g.featured.map((d) => li(`${d.kind}（${d.year} 年）${d.name}：${d.reason}`))
      : [p('暂无。')]),
    h('七、街道工作说明'),
    ...(g.notes.trim() ? g.notes.split('\n').map(p) : [p('（尚未填写）')]),
  ];
}

/** The 一街一则 as a Word document, for a worker of the street or the admin to send on. */
export async function exportGuideline(
  ctx: SignedInCtx,
  { streetCode }: Req<'guidelines.export'>,
): Promise<Res<'guidelines.export'>> {
  if (!canManageStreet(ctx.user, streetCode)) throw new AppError('FORBIDDEN', '只能导出本街道的一街一则', 'streetCode');
  const g = await guidelineView(ctx, { streetCode });
  const doc = new Document({
    creator: '西城区商务局',
    title: `${g.streetName}一街一则`,
    styles: { default: { document: { run: { font: 'SimSun', size: 24 } } } },
    sections: [{ children: guidelineParagraphs(g) }],
  });
  const base64 = await Packer.toBase64String(doc);
  return { filename: safeFilename(g.streetName, `一街一则-${g.date}.docx`), base64 };
}
