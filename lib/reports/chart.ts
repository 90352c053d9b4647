// The report's chart over time, drawn on the server as SVG by Apache ECharts (its server-side rendering): the
// page sends a picture, no chart script, and the table under it carries the same numbers for everyone.
import "server-only";
import * as echarts from "echarts";
import type { BucketRow } from "./query";

export interface ChartLabels {
  cancelled: string;
  returned: string;
  refunded: string;
  count: string;
  /** The money axis' unit ("Kč" / "CZK"). */
  currency: string;
  /** Axis numbers per locale ("2 500" / "2,500"). */
  number: (n: number) => string;
}

/**
 * Bars of cancelled, returned and refunded value per bucket (whole crowns, left axis) and a line of the operations
 * count (right axis). `width` × `height` is the drawing's own size; the SVG scales to its container.
 */
export function timeChartSvg(
  series: BucketRow[],
  bucketLabel: (start: string) => string,
  labels: ChartLabels,
  size: { width: number; height: number },
): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  const crowns = (minor: number) => Math.round(minor / 100);
  const narrow = size.width < 500;
  chart.setOption({
    animation: false,
    color: ["#e11d48", "#d97706", "#4f46e5", "#0f766e"],
    legend: { top: 0, itemGap: narrow ? 8 : 20, textStyle: { fontSize: narrow ? 11 : 12 } },
    grid: { left: 8, right: 8, top: narrow ? 72 : 40, bottom: 8, containLabel: true },
    xAxis: {
      type: "category",
      data: series.map((b) => bucketLabel(b.start)),
      axisLabel: { fontSize: 11, hideOverlap: true },
    },
    yAxis: [
      {
        type: "value",
        name: labels.currency,
        nameTextStyle: { align: "left" },
        axisLabel: { fontSize: 11, formatter: labels.number },
      },
      {
        type: "value",
        name: labels.count,
        nameTextStyle: { align: "right" },
        minInterval: 1,
        splitLine: { show: false },
        axisLabel: { fontSize: 11, formatter: labels.number },
      },
    ],
    series: [
      { name: labels.cancelled, type: "bar", stack: "money", data: series.map((b) => crowns(b.cancelled)) },
      { name: labels.returned, type: "bar", stack: "money", data: series.map((b) => crowns(b.returned)) },
      { name: labels.refunded, type: "bar", stack: "money", data: series.map((b) => crowns(b.refunded)) },
      {
        name: labels.count,
        type: "line",
        yAxisIndex: 1,
        symbolSize: 5,
        data: series.map((b) => b.count),
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  // ECharts gives the viewBox; the fixed size goes, so the drawing scales with its container. The table under it
  // is what assistive technology reads.
  return svg.replace(
    /^<svg width="\d+" height="\d+"/,
    '<svg width="100%" aria-hidden="true" focusable="false"',
  );
}
