/** A bar of an SVG histogram: `width` wide from `x`, rising from the baseline `base` to pixel `top`. */
export function Bar({
  className,
  x,
  width,
  top,
  base,
}: {
  className: string;
  x: number;
  width: number;
  top: number;
  base: number;
}) {
  return <rect className={className} x={x} width={width} y={top} height={base - top} />;
}
