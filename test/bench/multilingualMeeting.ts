import { mulberry32 } from '../support/random';
import { generateMeeting } from '../fixtures/export/generate';

/*
 * A long meeting as a multilingual team has it: about a fifth of the lines are in Chinese,
 * Japanese, Arabic or Russian, some wholly, some switching mid-sentence (an Arabic line with an
 * English product name and a number, an English line quoting a Russian or Chinese term). The rest
 * are the English lines of `generateMeeting`. Deterministic.
 */
const ZH = '我们 今天 讨论 预算 季度 计划 客户 反馈 产品 发布 时间表 风险 问题 数据 报告 团队 目标 增长 市场 用户'.split(' ');
const JA = 'これは 来週 の 会議 で 確認 します 予算 について 質問 が あります ありがとう ございます 資料 共有'.split(' ');
const AR =
  'نحن نناقش الميزانية هذا الربع الخطة العملاء المنتج الإطلاق الجدول الزمني المخاطر البيانات التقرير الفريق الهدف النمو السوق شكرا للجميع'.split(
    ' ',
  );
const RU =
  'мы обсуждаем бюджет квартал план клиенты отзывы продукт запуск сроки риск проблема данные отчёт команда цель рост рынок спасибо всем'.split(
    ' ',
  );
const EN = 'the budget review launch roadmap customer feedback report Q3 dashboard API'.split(' ');

type Pick = <T>(list: readonly T[]) => T;

function words(pick: Pick, list: readonly string[], n: number, sep: string): string {
  return Array.from({ length: n }, () => pick(list)).join(sep);
}

function foreignLine(kind: number, pick: Pick, next: () => number): { text: string; language: string } {
  const n = 5 + Math.floor(next() * 14);
  switch (kind) {
    case 0:
      return { text: `${words(pick, ZH, n, '')}。`, language: 'zh' };
    case 1:
      return { text: `${words(pick, JA, n, '')}。`, language: 'ja' };
    case 2:
      return { text: `${words(pick, AR, n, ' ')}.`, language: 'ar' };
    case 3:
      // Arabic with an English name and a number inside, as people say them.
      return {
        text: `${words(pick, AR, 3, ' ')} ${pick(EN)} ${words(pick, AR, n - 3, ' ')} ${Math.floor(next() * 100)}%.`,
        language: 'ar',
      };
    case 4:
      return { text: `${words(pick, RU, n, ' ')}.`, language: 'ru' };
    case 5:
      return { text: `${words(pick, RU, 4, ' ')} ${pick(EN)} ${words(pick, RU, n - 4, ' ')}.`, language: 'ru' };
    default:
      // English quoting a term in another script.
      return { text: `So the ${pick(EN)} item is «${words(pick, next() < 0.5 ? RU : ZH, 2, ' ')}» as we said.`, language: 'en' };
  }
}

export function multilingualMeeting(segments: number, seed = 42): Record<string, unknown> {
  const meeting = generateMeeting(segments, seed);
  const next = mulberry32(seed + 1000);
  const pick: Pick = (list) => list[Math.floor(next() * list.length)]!;
  const list = meeting.segments as Array<Record<string, unknown>>;
  for (const segment of list) {
    if (next() >= 0.2) continue;
    const { text, language } = foreignLine(Math.floor(next() * 7), pick, next);
    segment.text = text;
    segment.language = language;
  }
  const data = meeting.data as Record<string, unknown>;
  data.languages = ['en', 'zh', 'ja', 'ar', 'ru'];
  return meeting;
}
