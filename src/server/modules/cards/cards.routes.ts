// Routes of cards (红黄蓝亮牌): the run, lists, summary, a project's timeline, overrides, rule sets.
import type { FastifyInstance } from 'fastify';
import {
  card, cardList, cardOverrideBody, cardOverrideDeleteBody, cardRulesPreview, cardRulesPreviewBody, cardRulesPut, cardRulesQuery,
  cardRulesResult, cardRunMonthBody, cardRunMonthResult, cardRunQuery, cardRunResult, cardsQuery, cardsSummary, cardsSummaryQuery, projectCards,
} from '../../../contract/cards.ts';
import { errorBody, uuidParam } from '../../../contract/common.ts';
import { typed, type AppContext } from '../../context.ts';
import { requirePrincipal } from '../../plugins/auth.ts';
import * as cards from './cards.service.ts';

export async function cardsRoutes(app: FastifyInstance, ctx: AppContext) {
  const r = typed(app);
  const { db } = ctx.database;
  const tags = ['亮牌评定'];
  const errors = { 400: errorBody, 403: errorBody, 404: errorBody, 409: errorBody };

  r.post('/cards/run', {
    schema: { tags, summary: '对一个填报期间执行亮牌评定（项目办；可重复执行，结果相同，保留人工调整）', querystring: cardRunQuery, response: { 200: cardRunResult, ...errors } },
  }, async (req) => cards.runCards(db, requirePrincipal(req), req.query.periodId));

  r.post('/cards/run-month', {
    schema: {
      tags, summary: '对一个区域及其下级区域某月的全部填报期间执行亮牌评定（项目办；每个期间各自提交，可重复执行）',
      body: cardRunMonthBody, response: { 200: cardRunMonthResult, ...errors },
    },
  }, async (req) => cards.runCardsForMonth(db, requirePrincipal(req), req.body, cards.monthRunWidth(ctx.database.engine)));

  r.get('/cards', {
    schema: { tags, summary: '亮牌列表（红黄牌名单、按得分排名）', querystring: cardsQuery, response: { 200: cardList, ...errors } },
  }, async (req) => cards.listCards(db, requirePrincipal(req), req.query));

  r.get('/cards/summary', {
    schema: { tags, summary: '亮牌统计：按区域、责任单位、行业、包联领导分组的红黄蓝牌数', querystring: cardsSummaryQuery, response: { 200: cardsSummary, ...errors } },
  }, async (req) => cards.cardsSummary(db, requirePrincipal(req), req.query));

  r.get('/cards/:id', {
    schema: { tags, summary: '亮牌详情（各项指标、阈值与结果）', params: uuidParam, response: { 200: card, ...errors } },
  }, async (req) => cards.getCard(db, requirePrincipal(req), req.params.id));

  r.post('/cards/:id/override', {
    schema: { tags, summary: '人工调整亮牌颜色（项目办，须填理由；计算结果保留）', params: uuidParam, body: cardOverrideBody, response: { 200: card, ...errors } },
  }, async (req) => cards.overrideCard(db, requirePrincipal(req), req.params.id, req.body));

  r.delete('/cards/:id/override', {
    schema: { tags, summary: '撤销人工调整（项目办，须填理由）', params: uuidParam, body: cardOverrideDeleteBody, response: { 200: card, ...errors } },
  }, async (req) => cards.clearOverride(db, requirePrincipal(req), req.params.id, req.body.reason));

  r.get('/projects/:id/cards', {
    schema: { tags, summary: '项目的亮牌记录（按期间倒序）', params: uuidParam, response: { 200: projectCards, ...errors } },
  }, async (req) => cards.projectCardTimeline(db, requirePrincipal(req), req.params.id));

  r.get('/card-rules', {
    schema: { tags, summary: '亮牌规则（当前版本与历史版本）', querystring: cardRulesQuery, response: { 200: cardRulesResult, ...errors } },
  }, async (req) => cards.getRules(db, requirePrincipal(req), req.query.regionCode));

  r.put('/card-rules', {
    schema: { tags, summary: '保存亮牌规则（项目办；保存为新版本）', body: cardRulesPut, response: { 200: cardRulesResult, ...errors } },
  }, async (req) => cards.saveRules(db, requirePrincipal(req), req.body));

  r.post('/card-rules/preview', {
    schema: { tags, summary: '预览规则修改对最近已锁定期间亮牌的影响（不保存）', body: cardRulesPreviewBody, response: { 200: cardRulesPreview, ...errors } },
  }, async (req) => cards.previewRules(db, requirePrincipal(req), req.body));
}
