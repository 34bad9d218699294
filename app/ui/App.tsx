export function App() {
  return (
    <main>
      <h1>Layerlab</h1>
    </main>
  );
}
