package io.vitrum.loadtests.plant;

import io.vitrum.core.physics.Setpoints;
import io.vitrum.core.plant.FurnaceTags;
import io.vitrum.core.plant.Reading;
import io.vitrum.core.plant.SetpointParameter;
import io.vitrum.core.plant.TagSpec;
import io.vitrum.core.sim.PlantWiring;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.milo.opcua.sdk.core.AccessLevel;
import org.eclipse.milo.opcua.sdk.core.Reference;
import org.eclipse.milo.opcua.sdk.server.ManagedNamespaceWithLifecycle;
import org.eclipse.milo.opcua.sdk.server.OpcUaServer;
import org.eclipse.milo.opcua.sdk.server.items.DataItem;
import org.eclipse.milo.opcua.sdk.server.items.MonitoredItem;
import org.eclipse.milo.opcua.sdk.server.nodes.UaFolderNode;
import org.eclipse.milo.opcua.sdk.server.nodes.UaVariableNode;
import org.eclipse.milo.opcua.sdk.server.util.SubscriptionModel;
import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.DataValue;
import org.eclipse.milo.opcua.stack.core.types.builtin.DateTime;
import org.eclipse.milo.opcua.stack.core.types.builtin.LocalizedText;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;

/**
 * The plant's OPC UA address space (namespace index 2): per OPC UA furnace a folder {@code <F>}
 * with one folder per area ({@code <F>.crown}, ...) holding a read-only Double variable per tag,
 * node id {@code ns=2;s=<tag>}, and a folder {@code <F>.setpoint} of writable Double variables
 * {@code ns=2;s=<F>.setpoint.<parameterKey>}, and the line's reject output {@code
 * ns=2;s=<F>.reject.<F>} (a writable Double: each item number written is kicked, {@link
 * RejectGate}). Values carry the simulator's timestamps as source timestamps and a status code from
 * the instrument's visible fault: Good, Uncertain_LastUsableValue while stuck, Bad_SensorFailure
 * (with the last value) for a sample lost to a dropout.
 */
final class PlantNamespace extends ManagedNamespaceWithLifecycle {
  /**
   * The namespace URI; the first namespace a server registers after its own (index 1, the
   * application URI) gets index 2.
   */
  static final String URI = "urn:vitrum:plant:tags";

  private static final StatusCode GOOD = StatusCode.GOOD;
  private static final StatusCode STUCK = new StatusCode(StatusCodes.Uncertain_LastUsableValue);
  private static final StatusCode LOST = new StatusCode(StatusCodes.Bad_SensorFailure);

  private final SubscriptionModel subscriptions;
  private final List<String> furnaces;
  private final Map<String, Setpoints> published = new HashMap<>();
  private final SetpointInbox inbox;
  private final RejectGate gate;
  private final Map<String, UaVariableNode> tagNodes = new HashMap<>();
  private final Map<String, UaVariableNode> setpointNodes = new HashMap<>();
  private final Map<String, Double> lastValues = new HashMap<>();

  /**
   * @param furnaces the OPC UA furnaces
   * @param setpoints their setpoints when the server starts
   * @param gate where the items written to the lines' reject outputs are kicked
   */
  PlantNamespace(
      OpcUaServer server,
      List<String> furnaces,
      Map<String, Setpoints> setpoints,
      SetpointInbox inbox,
      RejectGate gate) {
    super(server, URI);
    this.furnaces = List.copyOf(furnaces);
    this.inbox = inbox;
    this.gate = gate;
    for (String f : furnaces) {
      published.put(f, setpoints.get(f));
    }
    this.subscriptions = new SubscriptionModel(server, this);
    getLifecycleManager().addLifecycle(subscriptions);
    getLifecycleManager().addStartupTask(this::createNodes);
  }

  private void createNodes() {
    if (getNamespaceIndex().intValue() != PlantWiring.OPCUA_NAMESPACE) {
      throw new IllegalStateException(
          "plant namespace got index " + getNamespaceIndex() + ", the tag map says 2");
    }
    for (String furnace : furnaces) {
      UaFolderNode root = folder(furnace, furnace);
      root.addReference(
          new Reference(
              root.getNodeId(), NodeIds.Organizes, NodeIds.ObjectsFolder.expanded(), false));
      Map<String, UaFolderNode> areas = new LinkedHashMap<>();
      for (TagSpec spec : FurnaceTags.of(furnace)) {
        String[] parts = spec.tag().split("\\.", 3);
        String areaId = parts[0] + "." + parts[1];
        UaFolderNode area =
            areas.computeIfAbsent(
                areaId,
                id -> {
                  UaFolderNode f = folder(id, parts[1]);
                  root.addOrganizes(f);
                  return f;
                });
        UaVariableNode node =
            variable(
                spec.tag(),
                parts[2],
                spec.quantity() + " [" + spec.unit() + "]",
                AccessLevel.READ_ONLY,
                new DataValue(new StatusCode(StatusCodes.Bad_WaitingForInitialData)));
        area.addOrganizes(node);
        tagNodes.put(spec.tag(), node);
      }
      UaFolderNode setpointFolder = folder(furnace + ".setpoint", "setpoint");
      root.addOrganizes(setpointFolder);
      for (SetpointParameter p : SetpointParameter.values()) {
        String tag = furnace + ".setpoint." + p.key();
        UaVariableNode node =
            variable(
                tag,
                p.key(),
                "setpoint [" + p.unit() + "], " + p.min() + " to " + p.max(),
                AccessLevel.READ_WRITE,
                setpointValue(published.get(furnace).get(p)));
        node.getFilterChain().addLast(new SetpointWriteFilter(furnace, p, inbox));
        setpointFolder.addOrganizes(node);
        setpointNodes.put(tag, node);
      }
      UaFolderNode rejectFolder = folder(furnace + ".reject", "reject");
      root.addOrganizes(rejectFolder);
      String reject = PlantWiring.rejectOutput(furnace);
      UaVariableNode output =
          variable(
              reject,
              furnace,
              "reject output: the number of each item to kick off line " + furnace,
              AccessLevel.READ_WRITE,
              new DataValue(new Variant(-1.0)));
      output.getFilterChain().addLast(new RejectWriteFilter(furnace, gate));
      rejectFolder.addOrganizes(output);
    }
  }

  private UaFolderNode folder(String id, String name) {
    UaFolderNode folder =
        new UaFolderNode(
            getNodeContext(), newNodeId(id), newQualifiedName(name), LocalizedText.english(name));
    getNodeManager().addNode(folder);
    return folder;
  }

  private UaVariableNode variable(
      String id, String name, String description, Set<AccessLevel> access, DataValue initial) {
    UaVariableNode node =
        new UaVariableNode.UaVariableNodeBuilder(getNodeContext())
            .setNodeId(newNodeId(id))
            .setAccessLevel(access)
            .setUserAccessLevel(access)
            .setBrowseName(newQualifiedName(name))
            .setDisplayName(LocalizedText.english(name))
            .setDescription(LocalizedText.english(description))
            .setDataType(NodeIds.Double)
            .setTypeDefinition(NodeIds.BaseDataVariableType)
            .build();
    node.setValue(initial);
    getNodeManager().addNode(node);
    return node;
  }

  private static DataValue setpointValue(double value) {
    DateTime now = DateTime.now();
    return new DataValue(new Variant(value), GOOD, now, now);
  }

  /** Publishes a tick's readings and setpoint changes; on the simulation thread. */
  void publish(PlantTick tick) {
    for (PlantStep step : tick.steps()) {
      DateTime source = new DateTime(step.ts());
      DateTime server = DateTime.now();
      for (Reading r : step.readings()) {
        UaVariableNode node = tagNodes.get(r.tag());
        if (node != null) {
          StatusCode status = step.faults().get(r.tag()) == SensorStatus.STUCK ? STUCK : GOOD;
          node.setValue(new DataValue(new Variant(r.value()), status, source, server));
          lastValues.put(r.tag(), r.value());
        }
      }
      step.faults()
          .forEach(
              (tag, fault) -> {
                UaVariableNode node = tagNodes.get(tag);
                if (node != null && fault == SensorStatus.LOST) {
                  Double last = lastValues.get(tag);
                  Variant value = last == null ? Variant.NULL_VALUE : new Variant(last);
                  node.setValue(new DataValue(value, LOST, source, server));
                }
              });
    }
    for (String furnace : furnaces) {
      Setpoints now = tick.setpoints().get(furnace);
      Setpoints before = published.put(furnace, now);
      if (now == null || now.equals(before)) {
        continue;
      }
      for (SetpointParameter p : SetpointParameter.values()) {
        if (before == null || before.get(p) != now.get(p)) {
          setpointNodes.get(furnace + ".setpoint." + p.key()).setValue(setpointValue(now.get(p)));
        }
      }
    }
  }

  @Override
  public void onDataItemsCreated(List<DataItem> dataItems) {
    subscriptions.onDataItemsCreated(dataItems);
  }

  @Override
  public void onDataItemsModified(List<DataItem> dataItems) {
    subscriptions.onDataItemsModified(dataItems);
  }

  @Override
  public void onDataItemsDeleted(List<DataItem> dataItems) {
    subscriptions.onDataItemsDeleted(dataItems);
  }

  @Override
  public void onMonitoringModeChanged(List<MonitoredItem> monitoredItems) {
    subscriptions.onMonitoringModeChanged(monitoredItems);
  }
}
