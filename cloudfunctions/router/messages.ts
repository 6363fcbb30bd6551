import { z } from 'zod';
import type { $ZodRawIssue } from 'zod/v4/core';

const KIND_NAMES: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '“是”或“否”',
  array: '列表',
  object: '一组信息',
  date: '日期',
};

type Issue = $ZodRawIssue;

/**
 * Messages for people, in Chinese, for every check a schema makes without its own message: no type names, no
 * operators, no field paths (the field travels apart, for forms to place the message).
 */
export function friendlyMessage(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '此项必填' : `应为${KIND_NAMES[String(issue.expected)] ?? '正确的格式'}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? '此项不能为空' : `至少 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少选择 ${n} 项`;
      return `不能小于 ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `不超过 ${n} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多 ${n} 项`;
      return `不能大于 ${n}`;
    }
    case 'invalid_format':
      return '格式有误';
    case 'invalid_value':
      return '不是可选的值';
    case 'not_multiple_of':
      return '应为整数';
    case 'unrecognized_keys':
      return '含有不认识的内容';
    case 'invalid_union':
      return '格式有误';
    default:
      return '输入有误';
  }
}

z.config({ customError: (issue) => friendlyMessage(issue) });

/**
 * The schema issues as Chinese sentences: the first one as the message, and every field's first message keyed by
 * its path (`outlets.0.hours`) for forms to place next to their fields. Paths never enter a message.
 */
export function describeIssue(error: z.ZodError): {
  message: string;
  field?: string;
  fields?: Record<string, string>;
} {
  const issue = error.issues[0];
  if (!issue) return { message: '输入有误' };
  const fields: Record<string, string> = {};
  for (const i of error.issues) {
    const path = i.path.map(String).join('.');
    if (path && !(path in fields)) fields[path] = i.message;
  }
  const field = issue.path.map(String).join('.');
  return {
    message: issue.message,
    field: field || undefined,
    ...(Object.keys(fields).length ? { fields } : {}),
  };
}
