import { useNavigation } from '../../nav/navigation';

/** Compares two or more parent runs (`?view=compare&ids=<id1>,<id2>`). */
export default function CompareView() {
  const { route } = useNavigation();
  const ids = (route.params.ids ?? '').split(',').filter((id) => id !== '');
  return (
    <main className="compare-view">
      <h2>Compare runs</h2>
      <p className="muted">{ids.length} runs selected.</p>
    </main>
  );
}
