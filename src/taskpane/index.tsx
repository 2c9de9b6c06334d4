/* Task pane entry: mounted once Office is ready (issue 5 builds the pane on this). */
const root = document.getElementById('root');
if (root) root.textContent = 'Theo dõi kế hoạch CCHC';
export {};
