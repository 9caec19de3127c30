import type { TopicProps } from '../topics';

/** "How TPE chose this": what the optimizer knew when it proposed a trial. */
export default function TpeExplainTopic(_props: TopicProps) {
  return <p className="muted">Loading the demo run…</p>;
}
